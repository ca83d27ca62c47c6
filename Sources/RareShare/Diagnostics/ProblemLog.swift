/// Every problem found in a run, counted and listed.
///
/// A log is a value: each reader fills its own and the run merges them in
/// file order, so the listing is the same however work was scheduled.
/// Listing is capped (``maximumListed``) so a file of a million bad records
/// cannot exhaust memory; counts are always exact.
public struct ProblemLog: Sendable {
    /// Problems kept for listing, in the order found.
    public private(set) var problems: [Problem] = []
    /// Problems counted but not kept once the list is full.
    public private(set) var unlisted = 0
    /// Count per severity, exact.
    public private(set) var counts: [Problem.Severity: Int] = [:]
    /// Records skipped, per file, exact.
    public private(set) var skippedByFile: [String: Int] = [:]

    public var maximumListed: Int

    public init(maximumListed: Int = 100_000) { self.maximumListed = maximumListed }

    public var isEmpty: Bool { problems.isEmpty && unlisted == 0 }
    public var total: Int { problems.count + unlisted }
    public var skippedRecords: Int { counts[.skippedRecord, default: 0] }

    public mutating func record(_ problem: Problem) {
        counts[problem.severity, default: 0] += 1
        if problem.severity == .skippedRecord { skippedByFile[problem.position.file, default: 0] += 1 }
        if problems.count < maximumListed { problems.append(problem) } else { unlisted += 1 }
    }

    /// Appends another log's findings after this one's.
    public mutating func merge(_ other: ProblemLog) {
        for (k, v) in other.counts { counts[k, default: 0] += v }
        for (k, v) in other.skippedByFile { skippedByFile[k, default: 0] += v }
        let room = max(0, maximumListed - problems.count)
        problems.append(contentsOf: other.problems.prefix(room))
        unlisted += other.unlisted + max(0, other.problems.count - room)
    }

    /// Adds `lines` to every listed line and `records` to every record
    /// ordinal: a batch's problems found relative to the batch, placed in
    /// their file (``XMLBatchCursor``).
    mutating func shiftPositions(lines: Int, records: Int) {
        guard lines != 0 || records != 0 else { return }
        for i in problems.indices {
            if let l = problems[i].position.line { problems[i].position.line = l + lines }
            if let r = problems[i].position.record { problems[i].position.record = r + records }
        }
    }

    /// The first problem, for `--strict`.
    public var first: Problem? { problems.first }
}
