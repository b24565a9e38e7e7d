import Foundation
import TCMSSystem
import XCTest

/// A thousand clients at once, each served.
final class ConnectionScaleTests: XCTestCase {
    func testThousandConcurrentConnectionsAreServed() throws {
        try XCTSkipIf(ResourceLimits.raiseOpenFileLimit() < 1_100, "the hard limit on open files is below 1,100")
        let daemon = try DaemonProcess(
            self, config: "max_connections = 1100\nmax_connections_per_uid = 1100\n")
        var clients: [RawClient] = []
        for _ in 0..<1_000 {
            clients.append(try RawClient(path: daemon.socketPath))
        }
        for (index, client) in clients.enumerated() {
            try client.write(#"{"jsonrpc":"2.0","method":"system.ping","id":\#(index)}"# + "\n")
        }
        for (index, client) in clients.enumerated() {
            let reply = try client.readReply()
            XCTAssertEqual(reply["id"]?.intValue, Int64(index))
            XCTAssertEqual(reply["result"], "pong")
        }
        let stats = try clients[0].request(#"{"jsonrpc":"2.0","method":"system.stats","id":1}"#)
        XCTAssertEqual(stats["result"]?["openConnections"]?.intValue, 1_000)
    }
}
