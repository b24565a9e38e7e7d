import Dispatch
import Foundation
import TCMSRPC
import TCMSStorage

/// Delivers text messages. By default they go into the `outbox` table, which an operator reads
/// with `sms.outbox`. With `sms_command` set, that executable runs with the mobile number and
/// the text as its two arguments, and the message is not kept, because it contains the code.
enum Notifier {
    /// How long the command may run before it is killed and the delivery counts as failed.
    static let commandTimeout: TimeInterval = 10

    static let deliveryFailed = RPCError(
        code: RPCErrorCode.busy, reason: "notifier_failed",
        message: "The text message could not be sent; try again",
        messageZh: "短信发送失败，请重试", retryable: true)

    /// Keeps the message in the outbox, inside the caller's transaction.
    static func keep(_ database: Database, mobile: String, text: String, now: String) throws {
        try database.run(
            "INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('sms', ?, ?, ?)",
            [mobile, text, now])
    }

    /// Runs `command` with the number and the text, outside any transaction, and returns
    /// whether it exited with status 0 within the timeout.
    static func run(_ command: String, mobile: String, text: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = [mobile, text]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return false
        }
        guard finished.wait(timeout: .now() + commandTimeout) == .success else {
            process.terminate()
            finished.wait()
            return false
        }
        return process.terminationReason == .exit && process.terminationStatus == 0
    }
}
