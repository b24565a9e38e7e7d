import XCTest

@testable import TCMSTerminal

final class DisplayWidthTests: XCTestCase {
    func testChineseNameIsTwoColumnsPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("陈静怡"), 6)
    }

    func testLatinNameWithSpace() {
        XCTAssertEqual(DisplayWidth.of("Ada Lin"), 7)
    }

    func testChineseNameWithASCIISpace() {
        // Two ideographs, one ASCII space, one ideograph.
        XCTAssertEqual(DisplayWidth.of("欧阳 娜"), 7)
    }

    func testCombiningMarkAddsNoWidth() {
        let decomposed = "Zoe\u{0308}"

        XCTAssertEqual(decomposed.unicodeScalars.count, 4)
        XCTAssertEqual(DisplayWidth.of(decomposed), 3)
        XCTAssertEqual(DisplayWidth.of("Zo\u{00EB}"), 3)
        XCTAssertEqual(DisplayWidth.of("\u{0308}" as Unicode.Scalar), 0)
    }

    func testFullwidthPunctuationIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("（" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("）" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("，" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("Ａ" as Character), 2)
    }

    func testCompanyNameWithFullwidthParentheses() {
        XCTAssertEqual(DisplayWidth.of("宁德青云（福建）新材料有限公司"), 30)
    }

    func testCJKSymbolsAndPunctuationAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("。"), 2)
        XCTAssertEqual(DisplayWidth.of("、"), 2)
        XCTAssertEqual(DisplayWidth.of("「」"), 4)
        XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2)
    }

    func testKanaAndHangulAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("ひらがな"), 8)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        // A syllable written as conjoining jamo is one grapheme cluster.
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}"), 2)
    }

    func testHalfwidthKatakanaIsOneColumn() {
        XCTAssertEqual(DisplayWidth.of("ｶﾀｶﾅ"), 4)
    }

    func testIdeographOutsideBasicPlaneIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("\u{20000}"), 2)
        XCTAssertEqual(DisplayWidth.of("𠮷野家"), 6)
    }

    func testEmojiIsTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
    }

    func testEmojiSequencesCountOnce() {
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone modifier")
        XCTAssertEqual(DisplayWidth.of("👨\u{200D}👩\u{200D}👧"), 2, "ZWJ family")
        XCTAssertEqual(DisplayWidth.of("🇨🇳"), 2, "flag from two regional indicators")
        XCTAssertEqual(DisplayWidth.of("1\u{FE0F}\u{20E3}"), 2, "keycap")
    }

    func testVariationSelectorChoosesEmojiPresentation() {
        XCTAssertEqual(DisplayWidth.of("\u{2764}"), 1)
        XCTAssertEqual(DisplayWidth.of("\u{2764}\u{FE0F}"), 2)
    }

    func testASCIIControlsAreZeroColumns() {
        for value in UInt32(0)..<0x20 {
            let character = Character(Unicode.Scalar(value)!)
            XCTAssertEqual(DisplayWidth.of(character), 0, "U+\(value)")
        }
        XCTAssertEqual(DisplayWidth.of("\u{7F}"), 0)
    }

    func testControlsInsideTextAddNothing() {
        XCTAssertEqual(DisplayWidth.of("a\tb"), 2)
        XCTAssertEqual(DisplayWidth.of("a\r\nb"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{1B}"), 0)
        XCTAssertEqual(DisplayWidth.of("\u{85}"), 0)
    }

    func testFormatCharactersAreZeroColumns() {
        XCTAssertEqual(DisplayWidth.of("\u{200B}"), 0, "ZERO WIDTH SPACE")
        XCTAssertEqual(DisplayWidth.of("\u{FEFF}"), 0, "BYTE ORDER MARK")
        XCTAssertEqual(DisplayWidth.of("a\u{200D}b"), 2, "ZWJ between letters")
    }

    func testSoftHyphenIsOneColumn() {
        XCTAssertEqual(DisplayWidth.of("\u{00AD}"), 1)
    }

    func testAmbiguousWidthCountsAsOne() {
        XCTAssertEqual(DisplayWidth.of("·"), 1)
        XCTAssertEqual(DisplayWidth.of("“”"), 2)
        XCTAssertEqual(DisplayWidth.of("…"), 1)
    }

    func testEmptyStringIsZero() {
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testSubstringIsMeasured() {
        let name = "宁德青云（福建）新材料有限公司"

        XCTAssertEqual(DisplayWidth.of(name.prefix(4)), 8)
    }

    func testRangeTablesAreSortedAndDisjoint() {
        for table in [DisplayWidth.wideRanges, DisplayWidth.zeroWidthRanges] {
            for (previous, next) in zip(table, table.dropFirst()) {
                XCTAssertLessThan(previous.upperBound, next.lowerBound, "\(previous) \(next)")
            }
        }
    }

    func testCombiningMarksInWideBlocksAreZeroColumns() {
        // These marks are both East Asian Wide and Mn. They combine with the preceding kana or
        // ideograph, so the zero-width table is consulted first.
        XCTAssertEqual(DisplayWidth.of("\u{3099}" as Unicode.Scalar), 0)
        XCTAssertEqual(DisplayWidth.of("\u{302A}" as Unicode.Scalar), 0)
        XCTAssertEqual(DisplayWidth.of("か\u{3099}"), 2)
    }
}
