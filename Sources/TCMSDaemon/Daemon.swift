import Foundation
import Glibc
import TCMSDomain
import TCMSRPC
import TCMSServices
import TCMSStorage
import TCMSSystem

/// The daemon's lifecycle: configuration, state directory and its lock, database and migrations,
/// the listening socket, systemd notifications, signals, and an orderly stop.
public final class Daemon: @unchecked Sendable {
    // Unchecked because `configuration` changes only on the signal queue, and the other members
    // are set once in `run` before any other thread starts.
    private let options: DaemonOptions
    private let environment: [String: String]
    private var configuration: Configuration
    let logger: Logger
    private let notifier: SystemdNotifier
    private let signalQueue = DispatchQueue(label: "tcms.signals")
    private let stopRequested = DispatchSemaphore(value: 0)
    private var signalSources: [any DispatchSourceSignal] = []
    private var watchdog: (any DispatchSourceTimer)?

    /// Loads the configuration; throws when the file named by `--config` is unusable.
    public init(options: DaemonOptions, environment: [String: String]) throws {
        self.options = options
        self.environment = environment
        configuration = try Daemon.loadConfiguration(options)
        logger = Logger(level: configuration.logLevel)
        notifier = SystemdNotifier(environment: environment)
    }

    private static func loadConfiguration(_ options: DaemonOptions) throws -> Configuration {
        var configuration = Configuration()
        if let path = options.configPath {
            configuration = try Configuration.load(path: path)
        }
        if let state = options.stateDirectory { configuration.stateDirectory = state }
        if let socket = options.socketPath { configuration.socketPath = socket }
        return configuration
    }

    /// Runs until SIGTERM or SIGINT; returns the process exit status.
    public func run() -> Int32 {
        let started = Date()
        let stateDirectory = configuration.stateDirectory
            ?? DefaultPaths.stateDirectory(environment: environment)

        let lock: StateLock
        let store: Store
        do {
            try makePrivateDirectory(stateDirectory)
            lock = try StateLock.acquire(path: stateDirectory + "/tcms.lock")
            notifier.notify("STATUS=Opening the database and applying migrations")
            store = try openStore(stateDirectory: stateDirectory)
        } catch {
            logger.error("daemon cannot start", ["state.dir": stateDirectory, "error": error])
            return 1
        }

        notifier.notify("STATUS=Loading the code lists")
        Services.warmUp()
        let fileLimit = ResourceLimits.raiseOpenFileLimit()
        let server: Server
        let boundSocket: BoundSocket
        do {
            boundSocket = try bindSocket(stateDirectory: stateDirectory)
            let statistics = Daemon.statisticsProvider(started: started)
            let table = Services.methodTable(
                environment: ServiceEnvironment(
                    store: store, stateDirectory: stateDirectory, clock: makeClock(),
                    smsCommand: configuration.smsCommand,
                    verifyCommand: configuration.verifyCommand),
                statistics: { statistics.current() })
            var dispatchLimits = Dispatcher.Limits()
            dispatchLimits.maxBatchSize = configuration.maxBatchSize
            let logger = self.logger
            let dispatcher = Dispatcher(table: table, limits: dispatchLimits) { error, context in
                let translated = ErrorTranslation.rpcError(for: error)
                let level: Logger.Level = translated.code == RPCErrorCode.internalError
                    ? .error : .warning
                logger.log(
                    level, "request failed",
                    ["method": context.method, "conn.id": context.connection.id,
                     "code": translated.code, "error": error])
                return translated
            }
            server = Server(
                listener: boundSocket.descriptor, dispatcher: dispatcher, logger: logger,
                limits: ServerLimits(configuration))
            statistics.attach(server: server)
        } catch {
            logger.error("daemon cannot listen", ["error": error])
            try? store.close()
            lock.release()
            return 1
        }

        server.start()
        installSignalHandlers(server: server)
        startWatchdog(store: store)
        notifier.notify("READY=1\nSTATUS=Serving on \(boundSocket.path)\nMAINPID=\(getpid())")
        logger.notice(
            "daemon started",
            ["version": ProductVersion.current, "pid": getpid(), "socket.path": boundSocket.path,
             "socket.activated": boundSocket.inherited, "state.dir": stateDirectory,
             "db.schema": store.schemaVersion, "limit.nofile": fileLimit])

        stopRequested.wait()
        return shutDown(server: server, store: store, socket: boundSocket, lock: lock)
    }

    /// The system clock, or a `FileClock` when `TCMS_CLOCK_FILE` names one.
    private func makeClock() -> any Clock {
        guard let path = environment["TCMS_CLOCK_FILE"], !path.isEmpty else {
            return SystemClock()
        }
        logger.warning("clock read from a file, for tests only", ["clock.file": path])
        return FileClock(path: path)
    }

    private func openStore(stateDirectory: String) throws -> Store {
        var storeOptions = Store.Options()
        storeOptions.synchronous = configuration.synchronous
        storeOptions.busyTimeoutMilliseconds = Int32(configuration.busyTimeoutMilliseconds)
        storeOptions.readerCount = configuration.readerConnections
        return try Store(
            path: stateDirectory + "/tcms.sqlite", migrations: Schema.migrations,
            options: storeOptions)
    }

    private func shutDown(server: Server, store: Store, socket: BoundSocket, lock: StateLock)
        -> Int32
    {
        notifier.notify("STOPPING=1\nSTATUS=Finishing requests in flight")
        logger.notice("daemon stopping", ["grace.seconds": configuration.shutdownGraceSeconds])
        watchdog?.cancel()

        let leftOpen = server.stop(graceSeconds: configuration.shutdownGraceSeconds)
        if leftOpen > 0 {
            logger.warning("connections still busy after the grace period", ["count": leftOpen])
        }
        socket.removeIfOwned()

        var status: Int32 = 0
        do {
            try store.close()
        } catch {
            logger.error("database did not close cleanly", ["error": error])
            status = 1
        }
        lock.release()
        logger.notice("daemon stopped", ["exit.status": status])
        return status
    }

    private func makePrivateDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
    }

    private static func statisticsProvider(started: Date) -> StatisticsProvider {
        StatisticsProvider(started: started)
    }

    // Accessors for the extensions in other files.
    var environmentValues: [String: String] { environment }
    var configPathValue: String? { options.configPath }
    var signalQueueValue: DispatchQueue { signalQueue }
    var notifierValue: SystemdNotifier { notifier }
    var loggerValue: Logger { logger }

    var currentConfiguration: Configuration {
        get { configuration }
        set { configuration = newValue }
    }

    func requestStop() {
        stopRequested.signal()
    }

    func keep(_ source: any DispatchSourceSignal) {
        signalSources.append(source)
    }

    func setWatchdog(_ timer: any DispatchSourceTimer) {
        watchdog = timer
    }
}
