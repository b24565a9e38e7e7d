import Foundation
import Glibc
import TCMSSystem
import TCMSStorage

extension Daemon {
    var environmentForActivation: [String: String] { environmentValues }

    var socketPathSetting: String? { currentConfiguration.socketPath }

    /// SIGTERM and SIGINT stop the daemon; SIGHUP re-reads the configuration file.
    /// The signals the daemon acts on.
    static let handledSignals = [SIGTERM, SIGINT, SIGHUP]

    /// Blocks the handled signals in the calling thread and in every thread created after it,
    /// so they stay pending until `installSignalHandlers` takes them with sigwait(3). Called
    /// first thing in `run`: a signal sent at any moment after is acted on, never lost and
    /// never met by its default action.
    static func blockHandledSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        handledSignals.forEach { sigaddset(&set, $0) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Starts the thread that waits for SIGTERM and SIGINT (stop) and SIGHUP (reload).
    func installSignalHandlers(server: Server) {
        let thread = Thread { [self] in
            var set = sigset_t()
            sigemptyset(&set)
            Daemon.handledSignals.forEach { sigaddset(&set, $0) }
            while true {
                var number: Int32 = 0
                guard sigwait(&set, &number) == 0 else { continue }
                if number == SIGHUP {
                    reload(server: server)
                } else {
                    logger.notice("stop requested", ["signal": number == SIGTERM ? "TERM" : "INT"])
                    requestStop()
                    return
                }
            }
        }
        thread.name = "tcms-signals"
        thread.start()
    }

    /// Applies the settings that are safe to change while running: log level, connection and
    /// time limits. Paths and database settings need a restart, and a change to them is logged
    /// and left alone.
    func reload(server: Server) {
        guard let path = configPathValue else {
            logger.notice("SIGHUP received without --config, nothing to reload")
            return
        }
        let fresh: Configuration
        do {
            // The command-line overrides still apply, so they do not count as changes.
            fresh = try Daemon.loadConfiguration(optionsValue)
        } catch {
            logger.error("configuration reload failed, keeping the running settings",
                         ["error": error])
            return
        }

        // Settings fixed at start-up keep their running value; a changed one is named.
        var applied = fresh
        var ignored: [String] = []
        func keep<Value: Equatable>(_ key: String, _ field: WritableKeyPath<Configuration, Value>) {
            if applied[keyPath: field] != currentConfiguration[keyPath: field] {
                ignored.append(key)
                applied[keyPath: field] = currentConfiguration[keyPath: field]
            }
        }
        keep("state_dir", \.stateDirectory)
        keep("socket", \.socketPath)
        keep("synchronous", \.synchronous)
        keep("busy_timeout_ms", \.busyTimeoutMilliseconds)
        keep("reader_connections", \.readerConnections)
        keep("max_line_bytes", \.maxLineBytes)
        keep("max_batch_size", \.maxBatchSize)
        keep("sms_command", \.smsCommand)
        keep("verify_command", \.verifyCommand)
        keep("templates_directory", \.templatesDirectory)
        keep("execution_reminder_days", \.executionReminderDays)
        keep("holiday_calendar", \.holidayCalendar)
        keep("contract_codes", \.contractCodes)
        if !ignored.isEmpty {
            logger.warning(
                "some changed settings take effect only after a restart, ignoring them",
                ["config.path": path, "settings": ignored.joined(separator: ",")])
        }

        currentConfiguration = applied
        logger.level = applied.logLevel
        server.limits = ServerLimits(applied)
        logger.notice("configuration reloaded", ["config.path": path])
    }

    /// Sends WATCHDOG=1 at half the interval systemd asked for, after a cheap read shows the
    /// database still answers, so a wedged daemon is restarted.
    func startWatchdog(store: Store) {
        guard let interval = SystemdNotifier.watchdogMicroseconds(environment: environmentValues)
        else {
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "tcms.watchdog"))
        let half = DispatchTimeInterval.microseconds(Int(interval / 2))
        timer.schedule(deadline: .now() + half, repeating: half)
        let notifier = notifierValue
        timer.setEventHandler {
            if (try? store.read({ try $0.scalarInt("SELECT 1") })) == 1 {
                notifier.notify("WATCHDOG=1")
            }
        }
        timer.resume()
        setWatchdog(timer)
    }
}
