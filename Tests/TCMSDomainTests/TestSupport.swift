import Foundation
import XCTest

@testable import TCMSDomain

/// The day every test treats as today.
let testToday = CivilDate(year: 2026, month: 12, day: 4)!

/// Appends the correct GB 11643 check character to 17 digits.
func residentNumber(_ first17: String) -> String {
    first17 + String(ResidentID.checkCharacter(forFirst17: first17)!)
}

/// Returns the violation `body` throws, failing the test when it throws none.
func violation<T>(
    _ body: () throws(DomainViolation) -> T, file: StaticString = #filePath, line: UInt = #line
) -> DomainViolation? {
    do {
        let value = try body()
        XCTFail("expected a DomainViolation, got \(value)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Reads the JSON Lines fixture `name`, or nil when the fixtures folder is not found.
///
/// The folder is `shared/fixtures/data` in the package root or any folder above it, or the
/// folder that `TCMS_FIXTURES_DIR` names.
func fixtureRecords(_ name: String) throws -> [[String: Any]]? {
    guard let directory = fixturesDirectory() else {
        return nil
    }
    let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }
}

private func fixturesDirectory() -> URL? {
    if let configured = ProcessInfo.processInfo.environment["TCMS_FIXTURES_DIR"] {
        return URL(fileURLWithPath: configured)
    }

    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("shared/fixtures/data")
        if FileManager.default.fileExists(atPath: candidate.path) {
            return candidate
        }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}
