import Foundation
import XCTest

import TCMSTerminal

final class TextLayoutTests: XCTestCase {
    private let company = "宁德青云（福建）新材料有限公司"

    func testTruncateKeepsFittingText() {
        XCTAssertEqual(truncate("陈静怡", toWidth: 6), "陈静怡")
        XCTAssertEqual(truncate("Ada Lin", toWidth: 20), "Ada Lin")
    }

    func testTruncateASCIIEndsInEllipsis() {
        XCTAssertEqual(truncate("Maximilian", toWidth: 5), "Maxi…")
    }

    func testTruncateWideTextEndsInEllipsis() {
        XCTAssertEqual(truncate("陈静怡", toWidth: 5), "陈静…")
        XCTAssertEqual(truncate("陈静怡", toWidth: 3), "陈…")
    }

    func testTruncatePadsInsteadOfCuttingWideCharacter() {
        XCTAssertEqual(truncate("陈静怡", toWidth: 4), "陈… ")
        XCTAssertEqual(truncate("陈静怡", toWidth: 2), "… ")
    }

    func testTruncateToOneAndZeroColumns() {
        XCTAssertEqual(truncate("陈静怡", toWidth: 1), "…")
        XCTAssertEqual(truncate("陈静怡", toWidth: 0), "")
        XCTAssertEqual(truncate("陈静怡", toWidth: -3), "")
    }

    func testTruncateResultIsExactlyTheWidth() {
        for width in 0..<30 {
            let result = truncate(company, toWidth: width)

            XCTAssertEqual(DisplayWidth.of(result), width, "width \(width)")
            if width > 0 {
                let keptPrefix = result.trimmingCharacters(in: .whitespaces).dropLast()
                XCTAssertEqual(result.trimmingCharacters(in: .whitespaces).last, "…")
                XCTAssertTrue(company.hasPrefix(keptPrefix), "width \(width): \(result)")
            }
        }
    }

    func testTruncateKeepsCombiningMarkWithItsLetter() {
        let result = truncate("Zoe\u{0308}Weber", toWidth: 4)

        XCTAssertEqual(result, "Zoe\u{0308}…")
        XCTAssertEqual(result.unicodeScalars.count, 5)
    }

    func testTruncateKeepsEmojiSequenceWhole() {
        let family = "👨\u{200D}👩\u{200D}👧"

        XCTAssertEqual(truncate(family + "abc", toWidth: 3), family + "…")
        XCTAssertEqual(truncate(family + "abc", toWidth: 2), "… ")
    }

    func testPadLeftAlignedByDisplayWidth() {
        XCTAssertEqual(pad("陈静怡", toWidth: 8), "陈静怡  ")
        XCTAssertEqual(pad("Zoe\u{0308}", toWidth: 5), "Zoe\u{0308}  ")
    }

    func testPadRightAligned() {
        XCTAssertEqual(pad("陈静怡", toWidth: 8, alignment: .right), "  陈静怡")
        XCTAssertEqual(pad("42", toWidth: 4, alignment: .right), "  42")
    }

    func testPadNeverTruncates() {
        XCTAssertEqual(pad(company, toWidth: 10), company)
        XCTAssertEqual(pad("陈静怡", toWidth: 6, alignment: .right), "陈静怡")
    }
}
