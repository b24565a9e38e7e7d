import Glibc

/// Builds a `sockaddr_un` for a filesystem path, or for an abstract name when `path` starts with
/// `@` (Linux abstract namespace, as systemd writes it in NOTIFY_SOCKET).
@discardableResult
func withUnixAddress<T>(
    _ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) throws(SystemError) -> T
) throws(SystemError) -> T {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    var bytes = Array(path.utf8)
    let isAbstract = bytes.first == UInt8(ascii: "@")
    if isAbstract { bytes[0] = 0 }

    let capacity = MemoryLayout.size(ofValue: address.sun_path)
    guard bytes.count < capacity else { throw SystemError("sockaddr_un", errno: ENAMETOOLONG) }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        raw.copyBytes(from: bytes)
    }

    let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path)!
    let length = socklen_t(pathOffset + bytes.count + (isAbstract ? 0 : 1))
    return try withUnsafePointer(to: &address) { (pointer) throws(SystemError) -> T in
        try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            (generic) throws(SystemError) -> T in
            try body(generic, length)
        }
    }
}
