import Foundation
import Glibc
import TCMSSystem

/// The listening socket: created by the daemon, or inherited from systemd socket activation.
struct BoundSocket {
    let descriptor: FileDescriptor
    let path: String
    /// True when systemd passed the socket in; systemd then owns the file and its mode.
    let inherited: Bool
    /// Device and inode of the socket file the daemon created, so shutdown removes only that.
    let identity: (dev: UInt64, ino: UInt64)?

    /// Removes the socket file when this daemon created it and it is still the same file.
    func removeIfOwned() {
        guard !inherited, let identity else { return }
        var status = stat()
        guard lstat(path, &status) == 0, UInt64(status.st_dev) == identity.dev,
            UInt64(status.st_ino) == identity.ino
        else {
            return
        }
        unlink(path)
    }
}

/// Socket file mode: owner and group (`tcms`) may connect, nobody else.
let socketMode: mode_t = 0o660

extension Daemon {
    func bindSocket(stateDirectory: String) throws -> BoundSocket {
        let inherited = SocketActivation.inheritedSockets(environment: environmentForActivation)
        if let first = inherited.first {
            let path = SocketActivation.boundPath(of: first) ?? "(inherited descriptor 3)"
            return BoundSocket(descriptor: first, path: path, inherited: true, identity: nil)
        }

        let path = socketPathSetting
            ?? DefaultPaths.socketPath(environment: environmentForActivation,
                                       stateDirectory: stateDirectory)
        let descriptor = try UnixSocket.listen(path: path, mode: socketMode)
        var status = stat()
        let identity: (UInt64, UInt64)? = lstat(path, &status) == 0
            ? (UInt64(status.st_dev), UInt64(status.st_ino)) : nil
        return BoundSocket(descriptor: descriptor, path: path, inherited: false, identity: identity)
    }
}
