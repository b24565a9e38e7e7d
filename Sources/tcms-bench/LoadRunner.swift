import Foundation

/// Runs `workers` threads until `seconds` pass or every worker stops, each calling `step`
/// repeatedly; `step` returns false when its worker has no more work. Returns completed steps
/// per second over the measured time.
func runLoad(
    workers: Int, seconds: Double, setup: @escaping @Sendable (Int) throws -> any LoadWorker
) throws -> Double {
    let total = Counter()
    let failures = ErrorBox()
    let group = DispatchGroup()
    let start = DispatchTime.now()
    let deadline = start + seconds
    for index in 0..<workers {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            do {
                let worker = try setup(index)
                var done = 0
                while DispatchTime.now() < deadline, try worker.step() { done += 1 }
                total.add(done)
            } catch {
                failures.keep(error)
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    if let error = failures.first { throw error }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return Double(total.value) / min(max(elapsed, 1e-9), max(seconds, elapsed))
}

/// One thread's share of a load: its own connection and its own work list.
protocol LoadWorker: AnyObject {
    /// Does one unit of work; false when there is nothing left to do.
    func step() throws -> Bool
}

/// A worker built from a closure, for short loads.
final class ClosureWorker: LoadWorker {
    private let body: () throws -> Bool

    init(_ body: @escaping () throws -> Bool) {
        self.body = body
    }

    func step() throws -> Bool { try body() }
}

/// The first error any worker thread threw.
final class ErrorBox: @unchecked Sendable {
    // Unchecked because `error` is guarded by `lock`.
    private var error: (any Error)?
    private let lock = NSLock()

    var first: (any Error)? { lock.withLock { error } }

    func keep(_ failure: any Error) {
        lock.withLock { if error == nil { error = failure } }
    }
}

/// Times `body` `repeats` times and returns the durations in milliseconds, sorted.
func timings(repeats: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var results: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        results.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return results.sorted()
}

/// The `fraction` percentile (0.5, 0.99) of sorted values, by nearest rank.
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}
