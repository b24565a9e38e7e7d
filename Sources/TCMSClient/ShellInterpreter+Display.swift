import TCMSTerminal

/// The commands that change how results are shown: paging through the last listing, the
/// output format and the expanded display.
extension ShellInterpreter {
    /// Calls the last listing again for another page, keeping its filter.
    func turnPage(_ command: ShellCommand, arguments: String) throws {
        guard let listing = lastListing else {
            throw ShellUsageError("no listing to page through yet; run a *.list method first")
        }
        let target: Int64
        switch command {
        case .next: target = listing.page + 1
        case .prev: target = listing.page - 1
        case .first: target = 1
        case .last: target = listing.pages
        default:
            guard let number = Int64(arguments.trimmingCharacters(in: .whitespaces)) else {
                throw ShellUsageError("page needs a page number: \(ShellCommand.page.usage)")
            }
            target = number
        }
        guard target >= 1, target <= max(listing.pages, 1) else {
            throw ShellUsageError(
                "there is no page \(target); the listing has \(listing.pages) page(s)")
        }
        var params = listing.params
        params["page"] = .int(target)
        try call(listing.method, params, view: listing.view)
    }

    /// `format`, `format csv`, `format csv bom`.
    func setFormat(_ arguments: String) throws {
        if arguments.isEmpty {
            output.write("format \(format.rawValue)\(byteOrderMark ? " bom" : "")\n")
            return
        }
        let words = try ShellSyntax.words(arguments)
        guard let chosen = OutputFormat(rawValue: words[0]) else {
            throw ShellUsageError("unknown format \(words[0]); use table, csv or json")
        }
        guard words.count == 1 || (words.count == 2 && words[1] == "bom" && chosen == .csv) else {
            throw ShellUsageError("usage: \(ShellCommand.format.usage); bom goes with csv only")
        }
        format = chosen
        byteOrderMark = words.count == 2
    }

    /// `\x` switches between on and off; `expanded on|off|auto` sets.
    func setExpanded(_ arguments: String) throws {
        if arguments.isEmpty {
            expanded = expanded == .off ? .on : .off
        } else if let chosen = ExpandedDisplay(rawValue: arguments) {
            expanded = chosen
        } else {
            throw ShellUsageError("usage: \(ShellCommand.expanded.usage)")
        }
        output.diagnose("expanded display is \(expanded.rawValue)")
    }
}
