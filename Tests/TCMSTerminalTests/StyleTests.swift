import XCTest

import TCMSTerminal

final class StyleTests: XCTestCase {
    func testColorEnabledOnTerminal() {
        XCTAssertTrue(Style.colorEnabled(isTerminal: true, environment: [:]))
        XCTAssertTrue(Style.colorEnabled(isTerminal: true, environment: ["TERM": "xterm-256color"]))
    }

    func testColorDisabledOffTerminal() {
        XCTAssertFalse(Style.colorEnabled(isTerminal: false, environment: [:]))
    }

    func testNonEmptyNoColorDisables() {
        XCTAssertFalse(Style.colorEnabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(Style.colorEnabled(isTerminal: true, environment: ["NO_COLOR": "0"]))
    }

    func testEmptyNoColorIsIgnored() {
        XCTAssertTrue(Style.colorEnabled(isTerminal: true, environment: ["NO_COLOR": ""]))
    }

    func testDumbTerminalDisables() {
        XCTAssertFalse(Style.colorEnabled(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    func testDisabledStyleEmitsNothing() {
        let style = Style.plain

        XCTAssertEqual(style.bold("陈静怡"), "陈静怡")
        XCTAssertEqual(style.dim("提示"), "提示")
        for color in Style.Color.allCases {
            XCTAssertEqual(style.colored("已退回", color), "已退回")
        }
    }

    func testEnabledStyleEmitsSGR() {
        let style = Style(isEnabled: true)

        XCTAssertEqual(style.bold("名称"), "\u{1B}[1m名称\u{1B}[22m")
        XCTAssertEqual(style.dim("提示"), "\u{1B}[2m提示\u{1B}[22m")
        XCTAssertEqual(style.colored("已退回", .red), "\u{1B}[31m已退回\u{1B}[39m")
        XCTAssertEqual(style.colored("正常", .green), "\u{1B}[32m正常\u{1B}[39m")
        XCTAssertEqual(style.colored("注", .gray), "\u{1B}[90m注\u{1B}[39m")
    }

    func testColorResetKeepsOuterBold() {
        let style = Style(isEnabled: true)

        let text = style.bold(style.colored("已退回", .red) + "!")

        XCTAssertEqual(text, "\u{1B}[1m\u{1B}[31m已退回\u{1B}[39m!\u{1B}[22m")
    }

    func testEmptyTextGetsNoEscapes() {
        XCTAssertEqual(Style(isEnabled: true).bold(""), "")
    }
}
