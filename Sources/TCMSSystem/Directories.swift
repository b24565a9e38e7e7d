import Glibc

/// Directory creation with errors that name the path and the errno text.
public enum Directories {
    /// A directory that could not be created.
    public struct CreationError: Error, CustomStringConvertible {
        public let path: String
        public let cause: SystemError

        public var description: String {
            "cannot create the directory \(path): \(String(cString: strerror(cause.errno)))"
        }
    }

    /// Creates `path` and any missing parents, the last one with `mode`; an existing directory
    /// is left as it is.
    public static func create(_ path: String, mode: mode_t) throws(CreationError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        let parts = path.split(separator: "/")
        for (index, part) in parts.enumerated() {
            prefix += "/" + part
            let isLast = index == parts.count - 1
            if mkdir(prefix, isLast ? mode : 0o755) == 0 { continue }
            let code = errno
            var status = stat()
            if code == EEXIST, stat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                continue
            }
            let cause = SystemError("mkdir", errno: code == EEXIST ? ENOTDIR : code)
            throw CreationError(path: prefix, cause: cause)
        }
    }
}
