import Glibc

/// What the shell needs to know about its standard streams.
enum TerminalInfo {
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// Returns the width of the terminal on `descriptor`, or nil when it is not a terminal.
    static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }

    /// The width of the terminal on stdout (TIOCGWINSZ), else `COLUMNS`, else nil.
    static func columns(environment: [String: String]) -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let text = environment["COLUMNS"], let value = Int(text), value > 0 {
            return value
        }
        return nil
    }
}
