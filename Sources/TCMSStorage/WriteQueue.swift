import Foundation

/// Runs every write of the daemon on one connection, on one thread, with group commit.
///
/// Writers from many client threads queue their jobs; the writer thread takes all waiting jobs,
/// runs each inside its own savepoint of one `BEGIN IMMEDIATE` transaction and commits once, so
/// concurrent writers share a single fsync instead of competing for SQLite's write lock. A job
/// that throws is rolled back to its savepoint alone; the others still commit.
final class WriteQueue: @unchecked Sendable {
    // Unchecked because `pending` and `stopped` are guarded by `condition`, and `database`
    // is used only on the writer thread.
    private let database: Database
    private let condition = NSCondition()
    private var pending: [WriteJob] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)
    private let maxJobsPerCommit: Int

    init(database: Database, maxJobsPerCommit: Int = 256) {
        self.database = database
        self.maxJobsPerCommit = maxJobsPerCommit
        let thread = Thread { [self] in runLoop() }
        thread.name = "tcms-writer"
        thread.start()
    }

    /// Queues `body`, waits until its transaction committed (or failed) and returns its result.
    func perform<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        let job = WriteJob { database in try body(database) as Any }
        condition.lock()
        guard !stopped else {
            condition.unlock()
            throw StoreClosedError()
        }
        pending.append(job)
        condition.signal()
        condition.unlock()

        job.done.wait()
        switch job.outcome! {
        case .success(let value): return value as! T
        case .failure(let error): throw error
        }
    }

    /// Finishes the queued jobs, stops the thread and closes the connection.
    func stop() throws {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
        finished.wait()
        try database.close()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopped {
                condition.wait()
            }
            if pending.isEmpty && stopped {
                condition.unlock()
                finished.signal()
                return
            }
            let batch = Array(pending.prefix(maxJobsPerCommit))
            pending.removeFirst(batch.count)
            condition.unlock()

            commit(batch)
        }
    }

    private func commit(_ batch: [WriteJob]) {
        do {
            try database.execute("BEGIN IMMEDIATE")
        } catch {
            batch.forEach { $0.finish(.failure(error)) }
            return
        }

        for (index, job) in batch.enumerated() {
            do {
                try database.execute("SAVEPOINT job")
                let value = try job.body(database)
                try database.execute("RELEASE job")
                job.outcome = .success(value)
            } catch {
                guard database.isInTransaction else {
                    // SQLite rolled back the whole transaction (a full disk does that), taking
                    // the earlier jobs of the batch with it. The failing job gets its error;
                    // the others run again in a new transaction.
                    job.finish(.failure(error))
                    var others = batch
                    others.remove(at: index)
                    if !others.isEmpty { commit(others) }
                    return
                }
                try? database.execute("ROLLBACK TO job")
                try? database.execute("RELEASE job")
                job.outcome = .failure(error)
            }
        }

        do {
            try database.execute("COMMIT")
            batch.forEach { $0.done.signal() }
        } catch {
            try? database.execute("ROLLBACK")
            batch.forEach { $0.finish(.failure(error)) }
        }
    }
}

/// One queued write and the slot its outcome is delivered in.
private final class WriteJob: @unchecked Sendable {
    // Unchecked because `outcome` is written by the writer thread before `done` is signalled
    // and read by the waiting thread only after.
    let body: (Database) throws -> Any
    var outcome: Result<Any, any Error>?
    let done = DispatchSemaphore(value: 0)

    init(body: @escaping (Database) throws -> Any) {
        self.body = body
    }

    func finish(_ result: Result<Any, any Error>) {
        outcome = result
        done.signal()
    }
}

/// The store was closed while a write was being queued.
public struct StoreClosedError: Error, Sendable, CustomStringConvertible {
    public var description: String { "the database is closed because the daemon is stopping" }
}
