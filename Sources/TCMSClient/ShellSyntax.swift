import TCMSJSON
import TCMSTerminal

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
    static func parseParams(
        _ text: String, stringParams: Set<String> = [], skippingFilterWords: Bool = false
    ) throws -> JSONObject {
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
            if skippingFilterWords && isFilterWord(word) { continue }
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

    /// True for `key>=value`, `key<=value` and `key~value`, the filter forms of a listing.
    static func isFilterWord(_ word: String) -> Bool {
        let operatorIndex = word.firstIndex { $0 == "~" || $0 == "=" }
        guard let operatorIndex, operatorIndex != word.startIndex else { return false }
        if word[operatorIndex] == "~" { return true }
        let before = word[word.index(before: operatorIndex)]
        return (before == ">" || before == "<") && word.index(before: operatorIndex) != word.startIndex
    }

    /// Moves the words of a listing call that are not declared params into its `filter`:
    /// `name=王` and `title~环境影响` filter by that key, `created>=2019-07-01` becomes the key
    /// `createdFrom` and `created<=2019-07-31` the key `createdUntil`. Values stay text.
    static func movingFilterWords(_ params: JSONObject, declared: Set<String>, text: String)
        throws -> JSONObject
    {
        guard !trimmed(text).hasPrefix("{") else { return params }
        var result = JSONObject()
        var filter = params["filter"]?.objectValue ?? JSONObject()
        for word in try words(text) where isFilterWord(word) {
            if let range = word.range(of: ">="), range.lowerBound != word.startIndex {
                filter[String(word[..<range.lowerBound]) + "From"] =
                    .string(String(word[range.upperBound...]))
            } else if let range = word.range(of: "<="), range.lowerBound != word.startIndex {
                filter[String(word[..<range.lowerBound]) + "Until"] =
                    .string(String(word[range.upperBound...]))
            } else if let tilde = word.firstIndex(of: "~"), tilde != word.startIndex {
                filter[String(word[..<tilde])] = .string(String(word[word.index(after: tilde)...]))
            }
        }
        for (key, value) in params.members where key != "filter" {
            if declared.contains(key) {
                result[key] = value
            } else {
                // An undeclared name=value is a filter key; its text is kept as typed.
                filter[key] = value.stringValue.map(JSON.string) ?? .string(value.encodedString())
            }
        }
        if !filter.isEmpty { result["filter"] = .object(filter) }
        return result
    }

    /// Takes the output options out of a command's arguments, so any command can print once
    /// in another way: `contracts status=approved --all --format csv --bom --output 批准.csv`.
    static func outputOptions(in text: String) throws -> CommandOptions {
        var tokens = rawWords(text)
        var options = CommandOptions()
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case "--bom":
                options.byteOrderMark = true
                tokens.remove(at: index)
            case "--all":
                options.allPages = true
                tokens.remove(at: index)
            case "--format":
                guard index + 1 < tokens.count,
                    let chosen = OutputFormat(rawValue: tokens[index + 1])
                else {
                    throw ShellUsageError("--format needs table, csv or json")
                }
                options.format = chosen
                tokens.removeSubrange(index...(index + 1))
            case "--output":
                guard index + 1 < tokens.count, let path = try words(tokens[index + 1]).first
                else {
                    throw ShellUsageError("--output needs a file name")
                }
                options.outputPath = path
                tokens.removeSubrange(index...(index + 1))
            default:
                index += 1
            }
        }
        if options.byteOrderMark && (options.format ?? .csv) != .csv {
            throw ShellUsageError("--bom goes with --format csv only")
        }
        options.rest = options.isEmpty ? text : tokens.joined(separator: " ")
        return options
    }

    /// Splits text at spaces outside quotes, keeping the quotes in the words.
    static func rawWords(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
                current.append(character)
            } else if character.isWhitespace {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
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
