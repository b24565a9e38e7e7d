import TCMSJSON

/// A shell command line that cannot be run as written: an unknown command, a missing or
/// malformed argument. The shell reports it and counts it as a usage error (status 64).
struct ShellUsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// How the shell splits what was typed into commands, words and params.
enum ShellSyntax {
    /// Splits a script into commands at `;` and line breaks. Separators inside double-quoted
    /// text (JSON strings, with backslash escapes) or single-quoted text do not split.
    static func splitCommands(_ script: String) -> [String] {
        var commands: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false

        for character in script {
            if let open = quote {
                current.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                continue
            }
            switch character {
            case ";", "\n", "\r\n", "\r":
                commands.append(current)
                current = ""
            case "\"", "'":
                quote = character
                current.append(character)
            default:
                current.append(character)
            }
        }
        commands.append(current)
        return commands.map(trimmed).filter { !$0.isEmpty }
    }

    /// Splits off the first word of `line`; the rest comes back with outer spaces removed.
    static func firstWord(of line: String) -> (word: String, rest: String) {
        let text = trimmed(line)
        guard let space = text.firstIndex(where: \.isWhitespace) else { return (text, "") }
        return (String(text[..<space]), trimmed(String(text[space...])))
    }

    /// Reads a method's params: nothing (`{}`), one JSON object, or `name=value` words.
    ///
    /// In the word form each value is read as JSON when it is a JSON number, boolean, null,
    /// array, object or string, and as a plain string otherwise, so `name=王小红 page=2` gives
    /// `{"name":"王小红","page":2}`. Quote a value with spaces: `name='欧阳 娜'`. A param that the
    /// method declares as a string (`stringParams`) keeps its text as typed, so
    /// `divisionCode=350102` stays the string "350102".
    static func parseParams(_ text: String, stringParams: Set<String> = []) throws -> JSONObject {
        let text = trimmed(text)
        if text.isEmpty {
            return JSONObject()
        }
        if text.hasPrefix("{") {
            let parsed: JSON
            do {
                parsed = try JSONParser.parse(text)
            } catch {
                throw ShellUsageError("the params are not valid JSON (\(error)); write them as "
                    + "one object, such as {\"page\": 2}, or as name=value words")
            }
            guard let object = parsed.objectValue else {
                throw ShellUsageError("the params must be a JSON object")
            }
            return object
        }

        var params = JSONObject()
        for word in try words(text) {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw ShellUsageError("expected name=value or a JSON object, found \(word)")
            }
            let name = String(word[..<equals])
            let value = String(word[word.index(after: equals)...])
            if stringParams.contains(name) {
                params[name] = .string(value)
            } else {
                params[name] = (try? JSONParser.parse(value)) ?? .string(value)
            }
        }
        return params
    }

    /// Splits text into words at spaces; single or double quotes group a word and are removed.
    static func words(_ text: String) throws -> [String] {
        var result: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?

        for character in text {
            if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord {
                    result.append(current)
                }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil {
            throw ShellUsageError("a quote is not closed")
        }
        if inWord {
            result.append(current)
        }
        return result
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
