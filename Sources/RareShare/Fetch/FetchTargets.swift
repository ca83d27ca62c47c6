/// What a fetch run asks OpenAlex for: DOIs (normalised, each once, in the
/// order first met) and, with `--titles`, title + year queries of citations
/// without a DOI.
public struct FetchTargets: Sendable {
    public var dois: [String] = []
    public var titles: [TitleQuery] = []
    /// DOIs met again after their first time (in citations or DOI lists).
    public var repeatedDOIs = 0
    /// Citations with neither a DOI nor (with `--titles`) a title and a year.
    public var citationsWithoutKey = 0
    /// Lines of `--dois` files that are not DOIs, and citation records the reader skipped or repaired.
    public var problems = ProblemLog()

    private var seenDOIs: Set<String> = []
    private var seenTitles: Set<String> = []

    public init() {}

    /// Adds the DOIs (and, when `titles`, title queries) of Reaxys citation exports,
    /// read by ``ReaxysCitationReader``.
    /// - Throws: ``InputError`` when a file is missing, unreadable or not XML.
    public mutating func addCitations(files: [String], titles: Bool) throws {
        let reader = ReaxysCitationReader()
        for file in files {
            var log = ProblemLog()
            _ = try reader.read(path: file, log: &log) { citation in
                if let doi = citation.doi {
                    add(doi: doi)
                } else if titles, let title = citation.title, let year = citation.year, !TitleKey.normalize(title).isEmpty {
                    add(title: TitleQuery(title: title, year: year))
                } else {
                    citationsWithoutKey += 1
                }
            }
            problems.merge(log)
        }
    }

    /// Adds the DOIs of text files, one a line (gzip or not); blank lines and
    /// `#` comments are skipped, any other line that holds no DOI is a problem.
    /// - Throws: ``InputError`` when a file is missing or unreadable.
    public mutating func addDOIList(files: [String]) throws {
        for file in files {
            let source = try ByteSource(path: file)
            var carry: [UInt8] = []
            var line = 0
            func take(_ bytes: [UInt8]) {
                line += 1
                let text = String(String(decoding: bytes, as: UTF8.self).trimmingSpaces.drop { $0 == "\u{FEFF}" })
                if text.isEmpty || text.hasPrefix("#") { return }
                if let doi = DOI.normalize(text) { add(doi: doi); return }
                problems.record(Problem(.skippedRecord, at: SourcePosition(file: file, line: line), recordKind: "line",
                                        reason: "\"\(text.prefix(80))\" is not a DOI"))
            }
            while let chunk = try source.nextChunk() {
                var start = 0
                for i in chunk.indices where chunk[i] == 0x0A {
                    take(carry + chunk[start..<i])
                    carry.removeAll(keepingCapacity: true)
                    start = i + 1
                }
                carry += chunk[start...]
            }
            if !carry.isEmpty { take(carry) }
        }
    }

    public mutating func add(doi: String) {
        if seenDOIs.insert(doi).inserted { dois.append(doi) } else { repeatedDOIs += 1 }
    }

    public mutating func add(title: TitleQuery) {
        if seenTitles.insert(title.resumeKey).inserted { titles.append(title) }
    }
}
