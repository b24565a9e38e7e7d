import Foundation
import Glibc

/// Where the shell writes: results to stdout, diagnostics to stderr, in the order they happen.
struct ShellOutput {
    /// Writes text to stdout as it is.
    func write(_ text: String) {
        print(text, terminator: "")
    }

    /// Writes one line to stderr, after flushing stdout so that a pipe sees the result and the
    /// message in the order they happened.
    func diagnose(_ message: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
