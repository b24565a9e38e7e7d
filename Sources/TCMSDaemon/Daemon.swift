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
    private let stopRequested = DispatchSemaphore(value: 0)
    private var watchdog: (any DispatchSourceTimer)?

    /// Loads the configuration; throws when the file named by `--config` is unusable.
    public init(options: DaemonOptions, environment: [String: String]) throws {
        self.options = options
        self.environment = environment
        configuration = try Daemon.loadConfiguration(options)
        logger = Logger(level: configuration.logLevel)
        notifier = SystemdNotifier(environment: environment)
    }

    /// Reads the configuration file, if any, and applies the command-line overrides to it.
    static func loadConfiguration(_ options: DaemonOptions) throws -> Configuration {
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
        Daemon.blockHandledSignals()
        // Files the daemon creates (database, WAL, backups, material) are private to its user
        // whatever umask it was started with; the socket gets its own mode when it is bound.
        umask(0o077)
        let stateDirectory = configuration.stateDirectory
            ?? DefaultPaths.stateDirectory(environment: environment)

        let lock: StateLock
        do {
            try makePrivateDirectory(stateDirectory)
            lock = try StateLock.acquire(path: stateDirectory + "/tcms.lock")
        } catch {
            logger.error(
                "daemon cannot start", ["state.dir": stateDirectory, "error": describe(error)])
            return 1
        }

        // The socket is claimed before the database is touched, so a daemon refused because
        // another one serves the path leaves no new database behind.
        let boundSocket: BoundSocket
        do {
            boundSocket = try bindSocket(stateDirectory: stateDirectory)
        } catch {
            logger.error("daemon cannot listen", ["error": describe(error)])
            lock.release()
            return 1
        }

        let store: Store
        do {
            notifier.notify("STATUS=Opening the database and applying migrations")
            store = try openStore(stateDirectory: stateDirectory)
        } catch {
            logger.error(
                "daemon cannot open its database",
                ["state.dir": stateDirectory, "error": describe(error)])
            boundSocket.descriptor.close()
            boundSocket.removeIfOwned()
            lock.release()
            return 1
        }

        notifier.notify("STATUS=Reading the holiday calendar and the code lists")
        let calendar: WorkingDayCalendar
        do {
            calendar = try configuration.holidayCalendar.map(WorkingDayCalendar.load(path:))
                ?? .standard
            if let path = configuration.contractCodes {
                _ = try ContractCodes.load(path: path)
                ContractCodes.replacementPath = path
            }
        } catch {
            logger.error(
                "daemon cannot read a data file; fix it or empty holiday_calendar or "
                    + "contract_codes",
                ["holiday_calendar": configuration.holidayCalendar ?? "",
                 "contract_codes": configuration.contractCodes ?? "", "error": describe(error)])
            boundSocket.descriptor.close()
            boundSocket.removeIfOwned()
            lock.release()
            return 1
        }
        // The code lists are parsed on a thread of their own, so READY=1 does not wait for
        // them; a request that needs a list before it is parsed waits for the same one-time
        // initialization instead of parsing it again.
        let warmUp = Thread { Services.warmUp() }
        warmUp.name = "tcms-warm-up"
        warmUp.start()
        let fileLimit = ResourceLimits.raiseOpenFileLimit()
        let statistics = Daemon.statisticsProvider(started: started)
        let table = Services.methodTable(
            environment: ServiceEnvironment(
                store: store, stateDirectory: stateDirectory, clock: makeClock(),
                smsCommand: configuration.smsCommand,
                verifyCommand: configuration.verifyCommand, calendar: calendar,
                executionReminderDays: configuration.executionReminderDays,
                templatesDirectory: configuration.templatesDirectory),
            statistics: { statistics.current() })
        var dispatchLimits = Dispatcher.Limits()
        dispatchLimits.maxBatchSize = configuration.maxBatchSize
        let logger = self.logger
        let dispatcher = Dispatcher(table: table, limits: dispatchLimits) { error, context in
            let translated = ErrorTranslation.rpcError(for: error)
            let level: Logger.Level = translated.code == RPCErrorCode.internalError
                || translated.code == RPCErrorCode.storageFailed ? .error : .warning
            let message = translated.reason == "disk_full"
                ? "request failed: the disk of the state directory is full; free space, "
                    + "writes resume by themselves"
                : "request failed"
            logger.log(
                level, message,
                ["method": context.method, "conn.id": context.connection.id,
                 "code": translated.code, "error": error])
            return translated
        }
        let server = Server(
            listener: boundSocket.descriptor, dispatcher: dispatcher, logger: logger,
            limits: ServerLimits(configuration))
        statistics.attach(server: server)

        // Signals are blocked since the start of `run`; from here on they are taken and acted
        // on, including one that arrived during start-up.
        installSignalHandlers(server: server)
        server.start()
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
        do {
            try Directories.create(path, mode: 0o700)
        } catch {
            throw StartError("cannot create the state directory \(path): \(error)")
        }
    }

    /// A start-up failure whose message says what to do.
    struct StartError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The text of an error for a log line: its own description when it has one, else the
    /// system's localized text rather than a Foundation object dump.
    func describe(_ error: any Error) -> String {
        if error is CocoaError || type(of: error) is NSError.Type {
            return error.localizedDescription
        }
        return String(describing: error)
    }

    private static func statisticsProvider(started: Date) -> StatisticsProvider {
        StatisticsProvider(started: started)
    }

    // Accessors for the extensions in other files.
    var environmentValues: [String: String] { environment }
    var configPathValue: String? { options.configPath }
    var optionsValue: DaemonOptions { options }
    var notifierValue: SystemdNotifier { notifier }
    var loggerValue: Logger { logger }

    var currentConfiguration: Configuration {
        get { configuration }
        set { configuration = newValue }
    }

    func requestStop() {
        stopRequested.signal()
    }

    func setWatchdog(_ timer: any DispatchSourceTimer) {
        watchdog = timer
    }
}
