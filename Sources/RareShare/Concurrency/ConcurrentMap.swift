import Foundation

/// Makes `count` independent values on several threads at once and returns
/// them in index order, for short synchronous fan-outs (a run's report
/// files, the resolver's two resources) where a task group would be more
/// ceremony than the work needs.
enum ConcurrentMap {
    /// `make(i)` for every `i` in `0..<count`, on all cores when `concurrently`, else one by one.
    static func values<Value: Sendable>(count: Int, concurrently: Bool = true,
                                        _ make: @Sendable (Int) -> Value) -> [Value] {
        guard concurrently, count > 1 else { return (0..<count).map(make) }
        let slots = Slots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, make(i)) }
        return slots.values
    }

    /// One slot per index, each written by one thread only; the lock makes the writes visible to the reader.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var slots: [Value?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Value) { lock.lock(); slots[i] = value; lock.unlock() }
        var values: [Value] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
    }
}
