import XCTest

import TCMSTerminal

final class OutputFormatTests: XCTestCase {
    func testRawValuesMatchOptionArguments() {
        XCTAssertEqual(OutputFormat(rawValue: "table"), .table)
        XCTAssertEqual(OutputFormat(rawValue: "csv"), .csv)
        XCTAssertEqual(OutputFormat(rawValue: "json"), .json)
        XCTAssertNil(OutputFormat(rawValue: "xml"))
        XCTAssertEqual(OutputFormat.allCases.map(\.rawValue), ["table", "csv", "json"])
    }

    func testDefaultIsTableOnTerminal() {
        XCTAssertEqual(OutputFormat.defaultFormat(isTerminal: true), .table)
    }

    func testDefaultIsJSONOnPipe() {
        XCTAssertEqual(OutputFormat.defaultFormat(isTerminal: false), .json)
    }
}
