import Glibc

/// Reads a password from the terminal with echo switched off, as login(1) does.
enum PasswordPrompt {
    /// Shows `prompt` on stderr and reads one line from the controlling terminal without echo;
    /// nil when there is no terminal or the input ended.
    static func read(prompt: String) -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }

        var saved = termios()
        guard tcgetattr(terminal, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ICANON)
        // Echo goes off before the prompt appears, and without flushing: a password typed as
        // soon as the prompt shows is then neither echoed nor thrown away.
        guard tcsetattr(terminal, TCSANOW, &silent) == 0 else { return nil }
        defer {
            _ = tcsetattr(terminal, TCSANOW, &saved)
            _ = write(terminal, "\n", 1)
        }
        _ = prompt.withCString { write(terminal, $0, strlen($0)) }

        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(terminal, &byte, 1) == 1 {
            if byte == 0x0A || byte == 0x0D { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
            if bytes.count > 1024 { return nil }
        }
        return nil
    }
}
