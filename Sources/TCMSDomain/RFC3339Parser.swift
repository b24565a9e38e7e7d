import Foundation

/// A strict reader of RFC 3339 `date-time` values, for `ChinaTime.parseTimestamp`.
struct RFC3339Parser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// Returns the instant, or nil unless the whole text is one valid timestamp.
    mutating func parse() -> Date? {
        guard characters.count >= 20, let date = CivilDate(String(characters[0..<10])) else {
            return nil
        }
        position = 10
        guard expect(["T", "t"]), let hour = number(2), expect([":"]),
            let minute = number(2), expect([":"]), let second = number(2),
            hour < 24, minute < 60, second < 60
        else {
            return nil
        }

        var fraction = 0.0
        if position < characters.count, characters[position] == "." {
            position += 1
            let start = position
            while position < characters.count, characters[position].isASCIIDigit {
                position += 1
            }
            guard position > start, let value = Double("0." + String(characters[start..<position]))
            else {
                return nil
            }
            fraction = value
        }

        guard let offset = offsetSeconds(), position == characters.count else {
            return nil
        }
        let local = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(local - offset) + fraction)
    }

    private mutating func offsetSeconds() -> Int? {
        guard position < characters.count else {
            return nil
        }
        let sign = characters[position]
        position += 1
        if sign == "Z" || sign == "z" {
            return 0
        }
        guard sign == "+" || sign == "-", let hours = number(2), expect([":"]),
            let minutes = number(2), hours < 24, minutes < 60
        else {
            return nil
        }
        let seconds = hours * 3600 + minutes * 60
        return sign == "+" ? seconds : -seconds
    }

    private mutating func expect(_ allowed: Set<Character>) -> Bool {
        guard position < characters.count, allowed.contains(characters[position]) else {
            return false
        }
        position += 1
        return true
    }

    private mutating func number(_ width: Int) -> Int? {
        guard position + width <= characters.count else {
            return nil
        }
        let slice = characters[position..<position + width]
        guard slice.allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        position += width
        return Int(String(slice))
    }
}
