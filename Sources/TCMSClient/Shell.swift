import Foundation
import TCMSJSON

/// `tcms shell`: placeholder until the interactive shell lands.
public final class Shell {
    let options: ShellOptions
    let environment: [String: String]

    public init(options: ShellOptions, environment: [String: String]) {
        self.options = options
        self.environment = environment
    }

    public func run() -> Int32 {
        ExitCode.failure
    }
}
