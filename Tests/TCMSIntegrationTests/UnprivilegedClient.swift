import Foundation
import TCMSJSON
import XCTest

/// A connection made by another uid, so the daemon sees a non-operator peer through
/// SO_PEERCRED. A Python relay started with `setpriv` as uid/gid 65534 (`nobody`) connects to the
/// socket and copies lines between its stdin/stdout and the socket; the test writes and reads
/// through the relay's pipes.
final class UnprivilegedClient {
    static let uid = "65534"

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    /// Opens the connection; the socket's group is changed to 65534 so the relay may connect
    /// while the socket keeps mode 0660.
    init(_ test: XCTestCase, daemon: DaemonProcess) throws {
        try XCTSkipUnless(getuid() == 0, "needs root to switch to another uid")
        guard chown(daemon.socketPath, 0, gid_t(UnprivilegedClient.uid)!) == 0,
            chmod(daemon.directory, 0o755) == 0
        else {
            throw HarnessError("cannot open the socket to uid \(UnprivilegedClient.uid)")
        }

        let relay = """
            import socket, sys, threading
            s = socket.socket(socket.AF_UNIX)
            s.connect(sys.argv[1])
            def back():
                while True:
                    data = s.recv(65536)
                    if not data:
                        break
                    sys.stdout.buffer.write(data)
                    sys.stdout.buffer.flush()
            threading.Thread(target=back, daemon=True).start()
            for line in sys.stdin.buffer:
                s.sendall(line)
            s.shutdown(socket.SHUT_WR)
            """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid", UnprivilegedClient.uid, "--regid", UnprivilegedClient.uid,
            "--groups", UnprivilegedClient.uid, "/usr/bin/env", "python3", "-u", "-c", relay,
            daemon.socketPath,
        ]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let process = self.process
        test.addTeardownBlock {
            if process.isRunning { process.terminate() }
        }
    }

    /// Sends one request line and returns the parsed reply.
    func request(_ line: String) throws -> JSON {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let reply = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                return try JSONParser.parse(reply)
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw HarnessError("relay closed before a reply") }
            buffer.append(contentsOf: chunk)
        }
    }

    /// Calls `method` with `params` and returns the whole reply.
    func call(_ method: String, _ params: JSON = [:]) throws -> JSON {
        let line: JSON = ["jsonrpc": "2.0", "id": 1, "method": .string(method), "params": params]
        return try request(line.encodedString())
    }
}
