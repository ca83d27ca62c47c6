import Foundation

/// What `rareshare extract` needs to know.
public struct ExtractOptions: Sendable {
    public var substanceFiles: [String] = []
    public var citationFiles: [String] = []
    public var workFiles: [String] = []
    /// Forces the bibliographic format instead of detecting it.
    public var workFormat: SourceFormat?
    public var affiliations: AffiliationPolicy = .first
    /// The resolver `analyze` uses by default, so both attribute alike.
    public var resolver: any AffiliationResolver = AnalysisOptions().resolver
    /// Any per-record problem stops the run.
    public var strict = false
    /// Years outside this range are problems, not years (``YearParser/plausible``).
    public var plausibleYears = YearParser.defaultPlausible
    /// Writes `.jsonl.gz` instead of `.jsonl`.
    public var compress = false
    /// The `file` number of the first file of each kind. A run over one share
    /// of the inputs passes the place of its first file in the whole list, so
    /// that rows from several machines keep the order one `analyze` run would read.
    public var firstFileOrder = 0
    /// Folder receiving `substances/`, `citations/` and `works/`.
    public var folder = "rareshare-rows"
    /// When not empty, only works whose DOI one of these citation exports
    /// names are written. The join drops every other work anyway, and most of
    /// a bibliographic snapshot is cited by no Reaxys record, so this shrinks
    /// the works rows by orders of magnitude. These files are read for their
    /// DOIs only (name them in ``citationFiles`` too for their rows), so each
    /// machine extracting a share of the works can name all citation exports.
    public var citedBy: [String] = []

    public init() {}
}

/// The three row sets, each in its own folder under the output folder.
public enum RowKind: String, Sendable, CaseIterable {
    case substances, citations, works
}

/// One input file turned into one row file.
public struct ExtractedFile: Sendable {
    public var kind: RowKind
    /// The input's `file` number (see ``ExtractOptions/firstFileOrder``).
    public var order: Int
    public var output: String
    public var rows: Int
    public var statistics: ReadStatistics
}

/// The outcome of a run: files written, problems met, and the attribution counts.
public struct ExtractSummary: Sendable {
    public var files: [ExtractedFile] = []
    public var problems = ProblemLog()
    public var authorsSeen = 0
    public var authorsWithoutCountry = 0
}

/// Reads exports file by file and writes, per input file, one JSON Lines file
/// of normalized rows (``ExtractRow``): the splittable form of the data that
/// lets Apache Spark do the joins and sums of ``AnalysisPipeline`` when the
/// inputs outgrow one machine.
///
/// Nothing here joins or deduplicates: every usable record becomes one row,
/// so each file can be extracted on a different machine. What the pipeline
/// decides across files (first report, first read wins, works needed) is left
/// to the job, which has every row; the `file` and `seq` columns carry the
/// reading order those decisions depend on. Attribution and classification,
/// which need only one record, happen here.
///
/// - Complexity: O(input size) time; memory O(one record) plus the
///   attribution cache of distinct affiliation strings (and, with
///   ``ExtractOptions/citedBy``, the set of cited DOIs).
public struct RowExtractor {
    public var options: ExtractOptions

    public init(options: ExtractOptions) { self.options = options }

    /// Extracts every input, citations first, then works, then substances.
    /// - Throws: ``InputError`` for a missing or unreadable input, an unknown
    ///   format, a write failure, or (under `strict`) the first record problem.
    public func run(progress: ((ExtractedFile) -> Void)? = nil) throws -> ExtractSummary {
        try YearParser.$plausible.withValue(options.plausibleYears) { try extractAll(progress: progress) }
    }

    private func extractAll(progress: ((ExtractedFile) -> Void)?) throws -> ExtractSummary {
        // Every file must exist and be of the kind named before any row is
        // written; an empty file holds no records: like analyze, say so and go on without it.
        let plan = try InputPlan(substances: options.substanceFiles, citations: options.citationFiles, works: options.workFiles,
                                 workFormat: options.workFormat, strict: options.strict)
        var summary = ExtractSummary()
        summary.problems.merge(plan.problems)
        for f in options.citedBy { _ = try ByteSource(path: f) }

        var attributor = CountryAttributor(resolver: options.resolver, policy: options.affiliations)
        let classifier = RegionClassifier()
        try createFolders()

        var cited: Set<String>?
        if !options.citedBy.isEmpty && !options.workFiles.isEmpty {
            var dois = Set<String>()
            for file in options.citedBy {
                var log = ProblemLog()
                _ = try ReaxysCitationReader().read(path: file, log: &log) { c in
                    if let doi = c.doi { dois.insert(doi) }
                }
                // Its problems are reported by the run that extracts the file's rows.
                if options.strict, let first = log.first { throw InputError(strict: first) }
            }
            cited = dois
        }
        for input in plan.citations {
            let file = input.path, order = options.firstFileOrder + input.index
            try extract(file, kind: .citations, order: order, into: &summary, progress: progress) { writer, log in
                try Self.citationRows(path: file, order: order, log: &log, emit: writer.write)
            }
        }
        for input in plan.works {
            guard let reader = input.workReader() else { continue }
            let file = input.path, order = options.firstFileOrder + input.index
            try extract(file, kind: .works, order: order, into: &summary, progress: progress) { writer, log in
                try Self.workRows(path: file, reader: reader, order: order, attributor: &attributor, log: &log,
                                  keep: { work in cited.map { set in work.doi.map(set.contains) ?? false } ?? true },
                                  emit: writer.write)
            }
        }
        for input in plan.substances {
            let file = input.path, order = options.firstFileOrder + input.index
            try extract(file, kind: .substances, order: order, into: &summary, progress: progress) { writer, log in
                try Self.substanceRows(path: file, order: order, classifier: classifier, log: &log, emit: writer.write)
            }
        }
        summary.authorsSeen = attributor.authorsSeen
        summary.authorsWithoutCountry = attributor.authorsWithoutCountry
        return summary
    }

    /// Rows of one citation export.
    public static func citationRows(path: String, order: Int, log: inout ProblemLog,
                                    emit: (String) throws -> Void) throws -> ReadStatistics {
        var seq = 0
        return try ReaxysCitationReader().read(path: path, log: &log) { c in
            seq += 1
            try emit(ExtractRow.citation(c, file: order, seq: seq))
        }
    }

    /// Rows of one bibliographic file, each attributed as it is read. A work
    /// `keep` rejects still takes its `seq`, so rows keep the numbers of a run without the filter.
    public static func workRows(path: String, reader: any WorkReader, order: Int, attributor: inout CountryAttributor,
                                log: inout ProblemLog, keep: (Work) -> Bool = { _ in true },
                                emit: (String) throws -> Void) throws -> ReadStatistics {
        var seq = 0
        return try reader.read(path: path, log: &log) { work in
            seq += 1
            guard keep(work) else { return }
            try emit(ExtractRow.work(work, authorship: attributor.attribute(work), file: order, seq: seq))
        }
    }

    /// Rows of one substance export.
    public static func substanceRows(path: String, order: Int, classifier: RegionClassifier = RegionClassifier(),
                                     log: inout ProblemLog, emit: (String) throws -> Void) throws -> ReadStatistics {
        var seq = 0
        return try ReaxysSubstanceReader().read(path: path, log: &log) { s in
            seq += 1
            try emit(ExtractRow.substance(s, file: order, seq: seq, classifier: classifier))
        }
    }

    /// The row file for input `input` of `kind`: the `file` number leads the
    /// name, so names from different machines never collide and list in order.
    public func outputPath(for input: String, kind: RowKind, order: Int) -> String {
        let base = input.split(separator: "/").last.map(String.init) ?? input
        let safe = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        let number = String(order)
        let padded = String(repeating: "0", count: max(0, 6 - number.count)) + number
        return folderPath(kind) + "/" + padded + "-" + safe + (options.compress ? ".jsonl.gz" : ".jsonl")
    }

    private func folderPath(_ kind: RowKind) -> String {
        (options.folder.hasSuffix("/") ? String(options.folder.dropLast()) : options.folder) + "/" + kind.rawValue
    }

    private func createFolders() throws {
        var kinds: [RowKind] = []
        if !options.citationFiles.isEmpty { kinds.append(.citations) }
        if !options.workFiles.isEmpty { kinds.append(.works) }
        if !options.substanceFiles.isEmpty { kinds.append(.substances) }
        for kind in kinds {
            do { try FileManager.default.createDirectory(atPath: folderPath(kind), withIntermediateDirectories: true) } catch {
                throw InputError(.unreadable, at: SourcePosition(file: folderPath(kind)), "cannot create folder: \(error.localizedDescription)")
            }
        }
    }

    private func extract(_ file: String, kind: RowKind, order: Int, into summary: inout ExtractSummary,
                         progress: ((ExtractedFile) -> Void)?,
                         _ body: (RowFileWriter, inout ProblemLog) throws -> ReadStatistics) throws {
        let writer = try RowFileWriter(path: outputPath(for: file, kind: kind, order: order), compressed: options.compress)
        var log = ProblemLog()
        let stats = try body(writer, &log)
        summary.problems.merge(log)
        if options.strict, let first = log.first { throw InputError(strict: first) }
        try writer.close()
        let done = ExtractedFile(kind: kind, order: order, output: writer.path, rows: writer.rows, statistics: stats)
        summary.files.append(done)
        progress?(done)
    }
}
