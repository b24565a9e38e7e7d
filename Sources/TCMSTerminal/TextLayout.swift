/// The side of a padded field that the text is placed on.
public enum TextAlignment: Sendable, Equatable {
    /// Text at the start, spaces after it: names, codes, dates.
    case left

    /// Spaces before, text at the end: counts and amounts.
    case right
}

/// The character that marks a truncated value. It is 1 column wide.
public let ellipsis: Character = "…"

/// Shortens `text` to at most `width` display columns, ending it with "…" when anything was cut.
///
/// Text that already fits comes back unchanged. Otherwise the result is exactly `width` columns:
/// whole characters that fit in `width - 1` columns, then "…", then one space if a 2-column
/// character did not fit into the last column, so a wide character is never cut in half.
/// A `width` of 0 or less returns an empty string.
public func truncate(_ text: String, toWidth width: Int) -> String {
    if DisplayWidth.of(text) <= width {
        return text
    }
    if width <= 0 {
        return ""
    }

    let room = width - 1
    var result = ""
    var used = 0
    for character in text {
        let characterWidth = DisplayWidth.of(character)
        if used + characterWidth > room {
            break
        }
        result.append(character)
        used += characterWidth
    }

    result.append(ellipsis)
    used += 1
    if used < width {
        result += String(repeating: " ", count: width - used)
    }
    return result
}

/// Pads `text` with spaces to `width` display columns on the side that `alignment` leaves free.
///
/// Text that is already `width` columns or wider comes back unchanged: padding never truncates.
public func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
    let missing = width - DisplayWidth.of(text)
    if missing <= 0 {
        return text
    }

    let fill = String(repeating: " ", count: missing)
    switch alignment {
    case .left:
        return text + fill
    case .right:
        return fill + text
    }
}

/// Replaces each control character in `text` with a visible symbol, so that cell contents can
/// neither move the cursor nor send escape sequences to the terminal.
///
/// C0 controls become their Unicode Control Pictures (a line feed `␊`, a tab `␉`, ESC `␛`),
/// DEL becomes `␡`, C1 controls become U+FFFD, and U+2028/U+2029 become `␤`.
func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: DisplayWidth.isControl) else {
        return text
    }

    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        scalars.append(controlPicture(for: scalar) ?? scalar)
    }
    return String(scalars)
}

private func controlPicture(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x00..<0x20:
        return Unicode.Scalar(0x2400 + scalar.value)
    case 0x7F:
        return "\u{2421}"
    case 0x80...0x9F:
        return "\u{FFFD}"
    case 0x2028, 0x2029:
        return "\u{2424}"
    default:
        return nil
    }
}

/// Splits `text` into pieces of at most `width` display columns at character boundaries.
///
/// Breaks fall between any two characters rather than at spaces, because Chinese text has no
/// spaces between words and because joining the pieces must give back the value exactly.
/// A character wider than `width` gets a piece of its own. Empty text gives one empty piece.
func wrap(_ text: String, toWidth width: Int) -> [String] {
    var pieces: [String] = []
    var current = ""
    var used = 0
    for character in text {
        let characterWidth = DisplayWidth.of(character)
        if used + characterWidth > width && !current.isEmpty {
            pieces.append(current)
            current = ""
            used = 0
        }
        current.append(character)
        used += characterWidth
    }
    pieces.append(current)
    return pieces
}

/// Removes the spaces at the end of a line.
func trimmingTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.last == " " {
        line.removeLast()
    }
    return line
}
