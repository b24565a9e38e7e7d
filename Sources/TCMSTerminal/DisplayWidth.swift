/// The number of terminal columns that text occupies in a monospace terminal emulator.
///
/// Widths come from Unicode's East Asian Width property and general categories (Unicode 14.0,
/// tables in `DisplayWidth+Tables.swift`). Wide (W) and Fullwidth (F) code points take 2 columns.
/// Nonspacing and enclosing marks (Mn, Me), format characters (Cf) and control characters take 0.
/// Every other code point takes 1, including Ambiguous (A) ones such as `·` and `“`, because
/// terminal emulators draw those narrow by default.
///
/// Text is measured per grapheme cluster (Swift `Character`): a letter with combining marks, a
/// Hangul syllable written as jamo or an emoji ZWJ sequence occupies the width of its widest
/// code point, never the sum.
public enum DisplayWidth {
    /// Returns the display width of `text`: the sum of the widths of its characters.
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for character in text {
            width += of(character)
        }
        return width
    }

    /// Returns the display width of one grapheme cluster: 0, 1 or 2.
    ///
    /// A cluster that starts with a control character (such as `"\r\n"`) is 0. A cluster
    /// with VARIATION SELECTOR-16 after an emoji (`"❤️"`) and a flag made of two regional
    /// indicators are 2, because terminals draw emoji presentation two columns wide.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else {
            return 0
        }
        if isControl(first) {
            return 0
        }

        var width = 0
        for scalar in scalars {
            width = max(width, of(scalar))
        }
        if width == 2 || scalars.count == 1 {
            return width
        }

        let hasEmojiPresentation = scalars.contains(variationSelector16)
        if hasEmojiPresentation && first.properties.isEmoji {
            return 2
        }
        if regionalIndicators.contains(first.value) {
            return 2
        }
        return width
    }

    /// Returns the display width of one code point on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F {
            return 1
        }
        if isControl(scalar) {
            return 0
        }
        if contains(value, in: zeroWidthRanges) {
            return 0
        }
        if contains(value, in: wideRanges) {
            return 2
        }
        return 1
    }

    /// Reports whether `scalar` is a C0 or C1 control character (general category Cc) or a
    /// line or paragraph separator, none of which a terminal draws as a glyph.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
            return true
        default:
            return false
        }
    }

    private static let variationSelector16: Unicode.Scalar = "\u{FE0F}"

    private static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// Binary search over sorted, disjoint ranges.
    private static func contains(_ value: UInt32, in ranges: [ClosedRange<UInt32>]) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
