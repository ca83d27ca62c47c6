/// Every input of a run, checked once before any work starts: each file
/// exists, is readable, and holds what the option it was named under calls
/// for; its format, compression and encoding are found once (``InputFile``).
///
/// `analyze` (``AnalysisPipeline``) and `extract` (``RowExtractor``) both
/// start from a plan, so they accept and refuse the same inputs with the
/// same messages. An empty file is no error: it is left out of the plan and
/// listed in ``problems``, as is a text export that is not UTF-8.
///
/// - Complexity: one open and at most 8 KiB read per file (1 MiB for a text
///   export, whose encoding is decided on its first MiB).
public struct InputPlan: Sendable {
    /// Reaxys substance exports, in the order named.
    public private(set) var substances: [InputFile] = []
    /// Reaxys citation exports, in the order named.
    public private(set) var citations: [InputFile] = []
    /// Bibliographic exports, in the order named.
    public private(set) var works: [InputFile] = []
    /// Warnings found while planning (empty files, text read as Windows-1252),
    /// in the order of the inputs: substances, citations, then works.
    public private(set) var problems = ProblemLog()

    /// Examines every file. `workFormat` forces the format of the works
    /// files instead of detecting it; with `strict`, a warning is an error.
    /// - Throws: ``InputError`` for the first file that is missing,
    ///   unreadable or not of the kind named, or (strict) the first warning.
    public init(substances: [String] = [], citations: [String] = [], works: [String] = [],
                workFormat: SourceFormat? = nil, strict: Bool = false) throws {
        for (i, path) in substances.enumerated() {
            if let file = try plan(path, kind: .substances, index: i, strict: strict) { self.substances.append(file) }
        }
        for (i, path) in citations.enumerated() {
            if let file = try plan(path, kind: .citations, index: i, strict: strict) { self.citations.append(file) }
        }
        for (i, path) in works.enumerated() {
            if let file = try plan(path, kind: .works, index: i, format: workFormat, strict: strict) { self.works.append(file) }
        }
    }

    /// Every planned file, in the order read by ``problems``: substances, citations, works.
    public var files: [InputFile] { substances + citations + works }

    private mutating func plan(_ path: String, kind: InputFile.Kind, index: Int, format: SourceFormat? = nil,
                               strict: Bool) throws -> InputFile? {
        let head = try FileHead(path: path)
        if try head.isBlank() {
            try warn(Problem(.warning, at: SourcePosition(file: path), reason: "the file is empty; nothing was read from it"),
                     strict: strict) { InputError(strict: $0) }
            return nil
        }
        let file = try InputFile(path: path, kind: kind, index: index,
                                 format: try Self.format(of: head, kind: kind, override: format), head: head)
        if file.encoding == .windows1252 {
            let problem = Problem(.warning, at: SourcePosition(file: path, line: 1),
                                  reason: "not valid UTF-8 (or UTF-16): read as Windows-1252/Latin-1, as Excel saves it; re-export as UTF-8 if names look wrong")
            try warn(problem, strict: strict) { InputError(.badEncoding, at: $0.position, $0.reason) }
        }
        return file
    }

    private mutating func warn(_ problem: Problem, strict: Bool, as error: (Problem) -> InputError) throws {
        if strict { throw error(problem) }
        problems.record(problem)
    }

    /// The format a file of `kind` is read as, or the error that says why it cannot be.
    static func format(of head: FileHead, kind: InputFile.Kind, override: SourceFormat?) throws -> SourceFormat {
        let position = SourcePosition(file: head.path)
        guard kind != .works else {
            guard let format = override ?? FormatDetector.detect(head: head.head) else {
                throw InputError(.unknownFormat, at: position, "unknown format; the file starts with \(FormatDetector.describeStart(head.head))")
            }
            guard FormatDetector.workReader(for: format) != nil else {
                throw InputError(.unknownFormat, at: position, "\(format.rawValue) is not a bibliographic format RareShare reads")
            }
            return format
        }
        let expected: SourceFormat = kind == .substances ? .reaxysSubstances : .reaxysCitations
        let noun = kind == .substances ? "substance" : "citation"
        guard let found = FormatDetector.detect(head: head.head) else {
            throw InputError(.unknownFormat, at: position,
                             "expected a Reaxys \(noun) export (XML); the file starts with \(FormatDetector.describeStart(head.head))")
        }
        // A citation export may be a substance export with its citation blocks: both parse as citations.
        if found != expected && !(found == .reaxysSubstances && expected == .reaxysCitations) {
            throw InputError(.unknownFormat, at: position, "expected a Reaxys \(noun) export, but this looks like \(found.rawValue)")
        }
        return expected
    }
}
