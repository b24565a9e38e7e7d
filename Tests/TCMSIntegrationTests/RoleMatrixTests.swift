import Foundation
import TCMSJSON
import XCTest

/// Every method, called by roles it does and does not list, from the list `rpc.discover` returns.
final class RoleMatrixTests: XCTestCase {
    func testAnonymousIsRefusedExactlyWhereNotListed() throws {
        let daemon = try DaemonProcess(self)
        let operatorClient = try RawClient(path: daemon.socketPath)
        let discover = try operatorClient.request(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        let methods = try XCTUnwrap(discover["result"]?["methods"]?.arrayValue)
        let anonymous = try UnprivilegedClient(self, daemon: daemon)

        for method in methods {
            let name = try XCTUnwrap(method["name"]?.stringValue)
            let roles = method["x-roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let reply = try anonymous.call(name)
            if roles.contains("anonymous") {
                XCTAssertNotEqual(reply.errorCode, 1001, "\(name) lists anonymous: \(reply)")
                XCTAssertNotEqual(reply.errorCode, 1003, "\(name) lists anonymous: \(reply)")
            } else {
                XCTAssertEqual(reply.errorCode, 1001, "\(name) does not list anonymous: \(reply)")
            }
        }
    }

    func testOperatorIsRefusedExactlyWhereNotListed() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let discover = try client.request(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        let methods = try XCTUnwrap(discover["result"]?["methods"]?.arrayValue)

        for method in methods {
            let name = try XCTUnwrap(method["name"]?.stringValue)
            let roles = method["x-roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let reply = try client.request(
                #"{"jsonrpc":"2.0","id":2,"method":"\#(name)","params":{}}"#)
            if roles.contains("operator") {
                XCTAssertNotEqual(reply.errorCode, 1003, "\(name) lists operator: \(reply)")
            } else {
                XCTAssertEqual(reply.errorCode, 1003, "\(name) does not list operator: \(reply)")
            }
        }
    }
}
