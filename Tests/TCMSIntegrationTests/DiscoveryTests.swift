import TCMSJSON
import TCMSServices
import XCTest

/// `rpc.discover` and the roles each method declares.
final class DiscoveryTests: XCTestCase {
    func testDiscoverListsEveryMethodWithRolesAndWrites() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let reply = try client.request(#"{"jsonrpc":"2.0","method":"rpc.discover","id":1}"#)
        let methods = try XCTUnwrap(reply["result"]?["methods"]?.arrayValue)
        let names = methods.compactMap { $0["name"]?.stringValue }

        for expected in ["rpc.discover", "system.ping", "system.stats", "system.version"] {
            XCTAssertTrue(names.contains(expected), expected)
        }
        for method in methods {
            XCTAssertNotNil(method["x-roles"]?.arrayValue, "\(method)")
            XCTAssertNotNil(method["x-writes"]?.boolValue, "\(method)")
            XCTAssertNotNil(method["params"]?.arrayValue, "\(method)")
        }
        XCTAssertEqual(reply["result"]?["openrpc"], "1.2.6")
    }

    func testRootConnectionIsOperatorAndVersionReportsSchema() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let reply = try client.request(#"{"jsonrpc":"2.0","method":"system.version","id":1}"#)
        XCTAssertEqual(
            reply["result"]?["schemaVersion"]?.intValue, Int64(Schema.latestVersion))
        XCTAssertNotNil(reply["result"]?["sqliteVersion"]?.stringValue)
    }
}
