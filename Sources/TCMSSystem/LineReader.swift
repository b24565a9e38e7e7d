/// Splits a byte stream into `\n`-terminated lines with a hard size limit.
///
/// A line longer than the limit is never held whole: once the limit is passed, the bytes read so
/// far are dropped and the rest of that line is skipped as it arrives, so memory stays near the
/// limit whatever the peer sends.
public struct LineReader: Sendable {
    /// The result of one step of reading.
    public enum Event: Sendable, Equatable {
        /// One complete line, without its `\n` (and without a `\r` before it).
        case line([UInt8])
        /// A line passed the limit; it is being skipped. Reported once per such line.
        case oversize
        /// More bytes are needed.
        case needMore
    }

    public let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var scanFrom = 0
    private var skipping = false
    private var readFrom = 0

    public init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// True when bytes of an unfinished line are waiting (or being skipped).
    public var hasPartialLine: Bool { skipping || buffer.count > readFrom }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if readFrom > 0, readFrom == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readFrom = 0
            scanFrom = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next event; call until it returns `.needMore`.
    public mutating func next() -> Event {
        if let newline = buffer[scanFrom...].firstIndex(of: 0x0A) {
            defer { compactIfUseful() }
            if skipping {
                skipping = false
                readFrom = newline + 1
                scanFrom = readFrom
                return next()
            }
            var end = newline
            if end > readFrom, buffer[end - 1] == 0x0D { end -= 1 }
            let line = Array(buffer[readFrom..<end])
            readFrom = newline + 1
            scanFrom = readFrom
            if line.count > maxLineBytes { return .oversize }
            return .line(line)
        }

        scanFrom = buffer.count
        // A `\r` that may precede the coming `\n` is not part of the line, so it does not count
        // against the limit whatever the read boundaries.
        let pending = buffer.count - readFrom
        let carriageReturnAllowance = buffer.last == 0x0D ? 1 : 0
        guard pending > maxLineBytes + carriageReturnAllowance else { return .needMore }
        let wasSkipping = skipping
        skipping = true
        buffer.removeAll(keepingCapacity: false)
        readFrom = 0
        scanFrom = 0
        return wasSkipping ? .needMore : .oversize
    }

    /// Drops consumed bytes once they make up most of the buffer, so a long-lived connection's
    /// buffer does not grow with the bytes it has already handled.
    private mutating func compactIfUseful() {
        guard readFrom > 65_536, readFrom * 2 > buffer.count else { return }
        buffer.removeFirst(readFrom)
        scanFrom -= readFrom
        readFrom = 0
    }
}
