import Foundation
import Glibc
import TCMSSystem
import TCMSStorage

extension Daemon {
    var environmentForActivation: [String: String] { environmentValues }

    var socketPathSetting: String? { currentConfiguration.socketPath }

    /// SIGTERM and SIGINT stop the daemon; SIGHUP re-reads the configuration file.
    func installSignalHandlers(server: Server) {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueueValue)
            source.setEventHandler { [self] in
                if number == SIGHUP {
                    reload(server: server)
                } else {
                    logger.notice("stop requested", ["signal": number == SIGTERM ? "TERM" : "INT"])
                    requestStop()
                }
            }
            source.resume()
            keep(source)
        }
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
