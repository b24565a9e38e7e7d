import TCMSClient

/// The options and operands of one subcommand's command line.
struct ParsedArguments {
    var options: [String: String] = [:]
    var flags: Set<String> = []
    var operands: [String] = []
}

/// A command line that does not fit the subcommand; printed with the usage line, exit 64.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

/// Parses `--name value`, `--name=value` and `--flag` forms against the allowed names.
/// A `--` ends option parsing.
func parseArguments(
    _ arguments: ArraySlice<String>, valued: Set<String>, flags allowedFlags: Set<String> = [],
    shortAliases: [String: String] = [:]
) throws -> ParsedArguments {
    var parsed = ParsedArguments()
    var iterator = arguments.makeIterator()
    var onlyOperands = false

    while let argument = iterator.next() {
        if onlyOperands || !argument.hasPrefix("-") || argument == "-" {
            parsed.operands.append(argument)
            continue
        }
        if argument == "--" {
            onlyOperands = true
            continue
        }

        var name = argument
        var inlineValue: String? = nil
        if let alias = shortAliases[argument] {
            name = alias
        } else if let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inlineValue = String(argument[argument.index(after: equals)...])
        }

        if allowedFlags.contains(name), inlineValue == nil {
            parsed.flags.insert(name)
        } else if valued.contains(name) {
            guard let value = inlineValue ?? iterator.next() else {
                throw UsageError(description: "\(name) needs a value")
            }
            guard parsed.options[name] == nil else {
                throw UsageError(description: "\(name) given twice; give it once")
            }
            parsed.options[name] = value
        } else {
            let known = valued.union(allowedFlags)
            let hint = closestMatch(to: name, in: known).map { "; did you mean \($0)?" } ?? ""
            throw UsageError(description: "unknown option \(name)\(hint)")
        }
    }
    return parsed
}
