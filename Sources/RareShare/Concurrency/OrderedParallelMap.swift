/// Runs a transform over a sequence of batches on several tasks and hands
/// the results back in batch order.
///
/// Reading stays sequential (one file position), the expensive per-batch
/// work (parsing, attribution, classification) runs on up to `threads`
/// tasks, and results are consumed strictly in the order the batches were
/// produced, so whatever is accumulated from them is identical for any thread
/// count. At most `2 × threads` batches are in flight, which bounds memory.
public enum OrderedParallelMap {
    public static func run<Batch: Sendable, Output: Sendable>(
        threads: Int,
        produce: () throws -> Batch?,
        transform: @escaping @Sendable (Batch) -> Output,
        consume: (Output) throws -> Void
    ) async throws {
        if threads <= 1 {
            while let batch = try produce() { try consume(transform(batch)) }
            return
        }
        let limit = threads * 2
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var produced = 0
            var nextToConsume = 0
            var ready: [Int: Output] = [:]
            var inFlight = 0
            func drainReady() throws {
                while let output = ready.removeValue(forKey: nextToConsume) {
                    try consume(output)
                    nextToConsume += 1
                }
            }
            while let batch = try produce() {
                let index = produced
                produced += 1
                group.addTask { (index, transform(batch)) }
                inFlight += 1
                while inFlight >= limit, let (i, output) = try await group.next() {
                    inFlight -= 1
                    ready[i] = output
                    try drainReady()
                }
            }
            while let (i, output) = try await group.next() {
                ready[i] = output
                try drainReady()
            }
        }
    }
}
