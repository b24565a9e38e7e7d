import CEdit
import Glibc

/// The function libedit reads keys with (`rl_getc_function`).
///
/// It waits on the terminal and on the interrupt self-pipe together, so Ctrl-C ends the read
/// wherever libedit is. libedit's readline layer stores the returned value as one wide
/// character, so a UTF-8 sequence is decoded here into its code point; returning its bytes one
/// by one would split a Chinese character into three broken ones.
enum KeyReader {
    /// Returned for end of input, and for a Ctrl-C (the interrupt flag tells which).
    static let endOfInput: Int32 = -1

    static let readKey: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
        let terminal = stream.map { fileno($0) } ?? STDIN_FILENO
        if !isInputPending(terminal) {
            InlineHint.show()
        }
        let first = nextByte(terminal)
        InlineHint.clear()
        guard let first else { return endOfInput }
        let key = decode(lead: first, terminal: terminal)
        InlineHint.track(key)
        return key
    }

    /// Reports whether keys are already waiting, as when text is pasted, so that no hint is
    /// drawn between them.
    private static func isInputPending(_ terminal: Int32) -> Bool {
        var entry = pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    /// Reads one byte, or nil at end of input or when the interrupt pipe becomes readable.
    private static func nextByte(_ terminal: Int32) -> UInt8? {
        while true {
            var entries = [
                pollfd(fd: terminal, events: Int16(POLLIN), revents: 0),
                pollfd(fd: InterruptSignal.pipeEnds.read, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&entries, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if entries[1].revents != 0 || InterruptSignal.wasRaised { return nil }
            var byte: UInt8 = 0
            let count = Glibc.read(terminal, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return nil
        }
    }

    /// Decodes the rest of a UTF-8 sequence; an invalid one becomes U+FFFD, which the shell
    /// then rejects as a line that is not valid text.
    private static func decode(lead: UInt8, terminal: Int32) -> Int32 {
        let replacement: Int32 = 0xFFFD
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0x00..<0x80: return Int32(lead)
        case 0xC2..<0xE0: length = 2; scalar = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0..<0xF5: length = 4; scalar = UInt32(lead & 0x07)
        default: return replacement
        }
        for _ in 1..<length {
            guard let next = nextByte(terminal), next & 0xC0 == 0x80 else { return replacement }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard Unicode.Scalar(scalar) != nil else { return replacement }
        return Int32(scalar)
    }
}
