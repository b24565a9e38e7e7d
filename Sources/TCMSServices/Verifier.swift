import Dispatch
import Foundation
import TCMSDomain
import TCMSJSON
import TCMSStorage

/// Real-name verification of a person or an entity whose document is checked online.
///
/// The embedded verifier passes a record whose number passed its format and check-digit
/// checks. When an operator has imported a reference list (name, document type and number that
/// the national platform confirmed), a record is verified only when it matches an entry. With
/// `verify_command` set, that executable decides instead: the record is saved as `verifying`,
/// and after the commit the command gets the record as JSON on stdin and prints
/// `{"verified": true}` or `{"verified": false}`. Saving never waits for the command.
enum Verifier {
    /// How long the command may run before the record counts as not verified.
    static let commandTimeout: TimeInterval = 10

    // One command at a time, so an import of thousands of lines does not start thousands of
    // processes at once.
    private static let queue = DispatchQueue(label: "tcms.verify-command")

    /// Returns the status to store for a record whose format checks gave `formatStatus`.
    static func status(
        _ database: Database, formatStatus: VerificationStatus, hasCommand: Bool,
        name: String, document: DocumentNumber?
    ) throws -> VerificationStatus {
        guard formatStatus == .verified else { return formatStatus }
        if hasCommand { return .verifying }
        // The reference list holds persons' documents; entities are checked by their USCC.
        guard let document else { return .verified }
        let references = try database.scalarInt(
            "SELECT count(*) FROM verification_references LIMIT 1")
        guard references > 0 else { return .verified }
        let matches = try database.scalarInt(
            """
            SELECT count(*) FROM verification_references
            WHERE document_type = ? AND document_number = ? AND name = ?
            """, [document.type.rawValue, document.value, name])
        return matches > 0 ? .verified : .unverified
    }

    /// Starts the command for a record saved as `verifying`; the verdict is stored when the
    /// command ends. `table` is `persons` or `entities`.
    static func startCommand(
        _ environment: ServiceEnvironment, table: String, id: Int64, request: JSON
    ) {
        guard let command = environment.verifyCommand else { return }
        queue.async {
            let verified = run(command, input: request.encoded())
            let status: VerificationStatus = verified ? .verified : .unverified
            let now = ChinaTime.timestamp(of: environment.clock.now())
            _ = try? environment.store.write { database in
                try database.run(
                    """
                    UPDATE \(table) SET verification_status = ?, updated_at = ?
                    WHERE id = ? AND verification_status = 'verifying'
                    """, [status.rawValue, now, id])
            }
        }
    }

    /// Runs the command with `input` on stdin; true only for exit status 0 within the timeout
    /// and a reply whose `verified` member is true.
    private static func run(_ command: String, input: [UInt8]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
            try stdin.fileHandleForWriting.write(contentsOf: Data(input + [0x0A]))
            try stdin.fileHandleForWriting.close()
        } catch {
            return false
        }
        guard finished.wait(timeout: .now() + commandTimeout) == .success else {
            process.terminate()
            finished.wait()
            return false
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        guard process.terminationReason == .exit, process.terminationStatus == 0,
            let reply = try? JSONParser.parse([UInt8](output))
        else {
            return false
        }
        return reply["verified"]?.boolValue == true
    }
}
