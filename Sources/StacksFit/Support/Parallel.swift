import Foundation

/// Data parallelism over all cores for pure, CPU-bound work (analysing postings, scoring profiles).
public enum Parallel {
    /// The cores to use: `STACKSFIT_THREADS` when set (the benchmark uses it for its one-core baseline), else all.
    public static var width: Int {
        if let text = ProcessInfo.processInfo.environment["STACKSFIT_THREADS"], let n = Int(text), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `items.map(transform)` computed on `width` threads, results in input order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], width: Int = Parallel.width, _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1, width > 1 else { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        let chunks = min(items.count, width * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = items.count * chunk / chunks, upper = items.count * (chunk + 1) / chunks
            for i in lower..<upper { slots.set(i, transform(items[i])) }
        }
        return slots.values()
    }

    /// Write-once result slots; each index is written by exactly one iteration, so no lock is needed.
    private final class Slots<R>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<R?>
        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
        func set(_ i: Int, _ value: R) { buffer[i] = value }
        func values() -> [R] { buffer.map { $0! } }
    }
}
