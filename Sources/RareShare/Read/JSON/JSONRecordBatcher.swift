/// Reads a JSON file as batches of records for parallel parsing: a pull
/// interface over ``ByteSource`` and ``JSONRecordSplitter``.
public struct JSONRecordBatcher {
    public struct Batch: Sendable {
        public var records: [JSONRecordSplitter.Record]
    }

    public var recordsPerBatch = 256
    public var bytesPerBatch = 4 << 20
    private let source: ByteSource
    private var splitter = JSONRecordSplitter()
    private var pending: [JSONRecordSplitter.Record] = []
    private var pendingBytes = 0
    private var ended = false
    private var problems: [Problem] = []
    /// The stream was read to its end (junk is reported only then).
    private var finished = false
    /// Problems with the stream itself (a corrupt gzip, a cut record, junk), known at the end.
    public var streamProblems: [Problem] {
        guard finished, let junk = splitter.junkTally else { return problems }
        return problems + [Problem(.warning, at: SourcePosition(file: source.path, line: junk.line),
                                   reason: "\(junk.count) byte(s) outside any JSON value were ignored")]
    }
    /// A record cut off at the end of the file, if any (counted as read and skipped).
    public private(set) var truncatedRecord: JSONRecordSplitter.Record?

    /// Lines of a JSON Lines stream come whole (``JSONRecordSplitter/cutsLinesWhole``):
    /// parse them with ``JSONWorkFile/parse(_:file:ordinal:with:into:)``, which
    /// cuts again the lines that need it, and report their junk with ``noteJunk(_:)``.
    /// (`cutsLinesWhole: false` gives the plain structural cut, for comparison in tests.)
    public init(source: ByteSource, cutsLinesWhole: Bool = true) {
        self.source = source
        splitter.cutsLinesWhole = cutsLinesWhole
    }

    /// Junk that cutting a whole line again found (it counts for the stream).
    public mutating func noteJunk(_ junk: JSONRecordSplitter.Junk) {
        splitter.absorb(junk)
    }

    public var bytesRead: Int { source.bytesRead }

    /// How a gzip file's content ended early, if it did (see ``ByteSource/damage``).
    public var damage: GzipDamage? { source.damage }

    /// The next batch, or `nil` after the last.
    public mutating func next() throws -> Batch? {
        while !ended && pending.count < recordsPerBatch && pendingBytes < bytesPerBatch {
            guard let chunk = try source.nextChunk() else {
                ended = true
                finishStream()
                break
            }
            do {
                try splitter.feed(chunk) { record in
                    pendingBytes += record.bytes.count
                    pending.append(record)
                }
            } catch let error as JSONSyntaxError {
                problems.append(Problem(.truncated, at: SourcePosition(file: source.path, byteOffset: error.offset),
                                              reason: error.message + "; reading stopped, records before this point were kept"))
                ended = true
            }
        }
        guard !pending.isEmpty else { return nil }
        defer {
            pending = []
            pendingBytes = 0
        }
        return Batch(records: pending)
    }

    private mutating func finishStream() {
        finished = true
        let path = source.path
        if let leftover = splitter.finish() {
            if leftover.bytes.isEmpty {
                problems.append(Problem(.truncated, at: SourcePosition(file: path, line: leftover.line),
                                              reason: "the JSON array is never closed (file truncated?); records before this point were kept"))
            } else {
                truncatedRecord = leftover
            }
        }
    }
}

@available(*, unavailable)
extension JSONRecordBatcher: Sendable {}
