/// The counts a fetch run ends with: what was asked, found, not found, and
/// what it cost in requests and retries.
public struct FetchSummary: Sendable {
    /// Distinct DOIs in the inputs.
    public var doisInInputs = 0
    /// DOIs an earlier run already answered (in the output or `not_found.tsv`).
    public var doisSkipped = 0
    /// DOIs asked by this run.
    public var doisAsked = 0
    public var doisFound = 0
    public var doisNotFound = 0
    public var titlesInInputs = 0
    public var titlesSkipped = 0
    public var titlesAsked = 0
    public var titlesMatched = 0
    public var titlesNotFound = 0
    /// Lines written by this run.
    public var worksWritten = 0
    /// Works in the output before this run.
    public var worksBefore = 0
    /// Works fetched again alone because the list had cut their authors.
    public var refetched = 0
    public var requests = 0
    public var retries = 0
    public var waitedSeconds: Double = 0
    /// Bytes of a torn tail cut from the output when it was opened.
    public var cutBytes = 0
    /// Lines of the old output that were not JSON objects.
    public var unreadableLines = 0
    /// Citations with no DOI (and, with `--titles`, no title and year).
    public var citationsWithoutKey = 0
    public var repeatedDOIs = 0
    public var notes: [String] = []
    public var stop = FetchStop.finished

    init(targets: FetchTargets) {
        doisInInputs = targets.dois.count
        titlesInInputs = targets.titles.count
        citationsWithoutKey = targets.citationsWithoutKey
        repeatedDOIs = targets.repeatedDOIs
    }

    mutating func add(_ outcome: JobOutcome, job: FetchJob) {
        worksWritten += outcome.lines.count
        refetched += outcome.refetched
        notes += outcome.notes
        switch job {
        case .batch, .single:
            doisAsked += outcome.complete ? job.size : outcome.found
            doisFound += outcome.found
            doisNotFound += outcome.notFound.count
        case .title:
            guard outcome.complete else { return }
            titlesAsked += 1
            titlesMatched += outcome.titleMatches
            titlesNotFound += outcome.notFound.count
        }
    }

    /// DOIs and titles no run has answered yet.
    public var remaining: Int {
        doisInInputs - doisSkipped - doisAsked + titlesInInputs - titlesSkipped - titlesAsked
    }

    /// The end-of-run lines for the terminal.
    public var text: String {
        var lines: [String] = []
        var d = "DOIs: \(doisInInputs) distinct in the inputs"
        if repeatedDOIs > 0 { d += " (\(repeatedDOIs) repeats dropped)" }
        if doisSkipped > 0 { d += ", \(doisSkipped) answered by an earlier run" }
        lines.append(d)
        lines.append("asked \(doisAsked): found \(doisFound), not found \(doisNotFound)")
        if titlesInInputs > 0 {
            var t = "titles (no DOI): \(titlesInInputs)"
            if titlesSkipped > 0 { t += ", \(titlesSkipped) answered by an earlier run" }
            lines.append(t + "; asked \(titlesAsked): exact title + year match \(titlesMatched), not found \(titlesNotFound)")
        }
        if citationsWithoutKey > 0 { lines.append("citations with nothing to look up (no DOI\(titlesInInputs > 0 ? ", title or year" : "")): \(citationsWithoutKey)") }
        lines.append("requests: \(requests), retries: \(retries)" + (waitedSeconds > 0 ? " (waited \(Self.seconds(waitedSeconds)))" : ""))
        var w = "works written: \(worksWritten)"
        if worksBefore > 0 { w += " (after \(worksBefore) from an earlier run)" }
        if refetched > 0 { w += "; \(refetched) fetched again alone because the list cut their authors" }
        lines.append(w)
        if cutBytes > 0 { lines.append("cut \(cutBytes) bytes of a half-written block from the end of the output") }
        if unreadableLines > 0 { lines.append("warning: \(unreadableLines) lines of the existing output are not JSON objects") }
        lines += notes.prefix(20).map { "note: " + $0 }
        switch stop {
        case .finished: break
        case .budgetSpent: lines.append("stopped at --max-requests: \(remaining) left; run the same command again to continue")
        case .interrupted: lines.append("interrupted: \(remaining) left; run the same command again to continue")
        case .failed: lines.append("stopped early: \(remaining) left")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func seconds(_ s: Double) -> String {
        s < 10 ? String(Double(Int(s * 10)) / 10) + " s" : "\(Int(s.rounded())) s"
    }
}

/// Where a fetch run is, for a progress bar.
public struct FetchProgress: Sendable {
    /// DOIs and title queries this run will ask.
    public var total: Int
    /// Of those, answered so far.
    public var done: Int
    public var found: Int
    public var requests: Int
    public var retries: Int
}

/// Sums progress and hands it to the caller's callback.
struct ProgressTracker {
    var state: FetchProgress
    let report: (@Sendable (FetchProgress) -> Void)?

    init(total: Int, report: (@Sendable (FetchProgress) -> Void)?) {
        state = FetchProgress(total: total, done: 0, found: 0, requests: 0, retries: 0)
        self.report = report
        report?(state)
    }

    mutating func advance(by done: Int, found: Int, requests: Int, retries: Int) {
        state.done += done
        state.found += found
        state.requests = requests
        state.retries = retries
        report?(state)
    }
}
