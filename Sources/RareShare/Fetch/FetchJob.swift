/// One unit of work of a fetch run, written to the output whole or not at all.
enum FetchJob: Sendable {
    /// DOIs asked together with `filter=doi:a|b|…`, all pages.
    case batch([String])
    /// A DOI that cannot go in an OR filter, asked as `/works/doi:…`.
    case single(String)
    /// A title + year search (`--titles`).
    case title(TitleQuery)

    /// DOIs or title queries the job asks for.
    var size: Int {
        switch self {
        case .batch(let d): d.count
        case .single, .title: 1
        }
    }
}

/// What one job brought back.
struct JobOutcome: Sendable {
    /// Output lines (one work each), in the order OpenAlex listed them.
    var lines: [[UInt8]] = []
    /// DOIs asked that came back with a work.
    var found = 0
    /// Title queries matched.
    var titleMatches = 0
    var notFound: [NotFoundRow] = []
    /// Works listed with a cut author list and fetched again alone.
    var refetched = 0
    /// False when the budget ran out inside the job: only its complete works
    /// are kept, nothing is declared not found, and a later run asks again.
    var complete = true
    /// Problems worth a line in the summary (a re-fetch that failed, say).
    var notes: [String] = []
}
