import Foundation
import Glibc
import XCTest

/// `tcms shell` running on a real pseudo-terminal, as a clerk's terminal would run it. The
/// child is a session leader whose controlling terminal is the pty, so Ctrl-C typed on the
/// master raises SIGINT in the shell the way a keyboard does.
final class PseudoTerminalProcess {
    let master: Int32
    let pid: pid_t
    private(set) var output: [UInt8] = []
    private var exitStatus: Int32?

    /// Starts `tcms` with `arguments` on a pty of `columns` x 24.
    init(arguments: [String], environment: [String: String], columns: UInt16 = 100) throws {
        var master: Int32 = 0
        var slave: Int32 = 0
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw HarnessError("openpty failed: errno \(errno)")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        let slavePath = String(cString: ttyname(slave))

        // POSIX_SPAWN_SETSID (glibc 2.26) is missing from Swift's Glibc module. setsid runs
        // before the file actions, so opening the pty makes it the controlling terminal.
        let spawnSetSID: Int16 = 0x80
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, spawnSetSID)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let argv = ([tcmsBinary] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, tcmsBinary, &actions, &attributes, argv, envp)
        close(slave)
        guard result == 0 else {
            close(master)
            throw HarnessError("posix_spawn failed: \(result)")
        }
        self.master = master
        self.pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Everything the shell wrote to the terminal so far, decoded as UTF-8.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Writes keys to the terminal, as typing them would.
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    static let left = "\u{1B}[D"
    static let backspace = "\u{7F}"
    static let tab = "\t"
    static let controlC = "\u{03}"
    static let controlD = "\u{04}"

    /// Reads output until it contains `expected` (counted from `after` bytes) or `timeout`
    /// seconds pass; returns whether it appeared.
    @discardableResult
    func waitFor(_ expected: String, after start: Int = 0, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if String(decoding: output.dropFirst(start), as: UTF8.self).contains(expected) {
                return true
            }
            if !readAvailable(milliseconds: 50) && exitStatus != nil {
                break
            }
        }
        return String(decoding: output.dropFirst(start), as: UTF8.self).contains(expected)
    }

    /// Waits until `prompt` appears after `start` and the line editor has taken the terminal
    /// out of canonical mode. libedit prints the prompt before it switches modes, and keys
    /// typed in between are handled by the kernel's line discipline instead (an arrow key
    /// echoed as `^[[D`, Ctrl-D turned into end of file), so a test waits for both.
    @discardableResult
    func waitForPrompt(_ prompt: String, after start: Int = 0, timeout: TimeInterval = 5) -> Bool {
        guard waitFor(prompt, after: start, timeout: timeout) else { return false }
        let deadline = Date().addingTimeInterval(timeout)
        var modes = termios()
        while Date() < deadline {
            // The master side reports the terminal's modes, which the slave side sets.
            if tcgetattr(master, &modes) == 0 && modes.c_lflag & tcflag_t(ICANON) == 0 {
                return true
            }
            _ = readAvailable(milliseconds: 5)
        }
        return false
    }

    /// Waits for the shell to exit and returns its exit status, or nil after `timeout`.
    func waitForExit(timeout: TimeInterval = 5) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readAvailable(milliseconds: 20)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status >> 8) & 0xFF
                _ = readAvailable(milliseconds: 20)
                return exitStatus
            }
        }
        return nil
    }

    /// Whether the shell process is still running.
    var isRunning: Bool {
        var status: Int32 = 0
        if exitStatus == nil && waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = (status >> 8) & 0xFF
        }
        return exitStatus == nil
    }

    /// Appends what the terminal has ready; returns false when nothing came.
    private func readAvailable(milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else {
            // EIO: the last holder of the terminal's slave side has exited.
            if exitStatus == nil { usleep(10_000) }
            return false
        }
        output += buffer[0..<count]
        return true
    }
}
