/// A SAX handler that collects the fields of one kind of XML record.
///
/// Handlers are not generic: what a caller keeps of a record is made by
/// ``onRecord``, a closure set where the caller's types are known. A generic
/// handler class reached through libxml2's callbacks would run
/// unspecialized, every stored property found through its metadata.
protocol XMLRecordHandler: XMLFieldHandler {
    /// What the handler lends for each usable record.
    associatedtype Fields
    /// The record element, e.g. `substance`.
    static var recordElement: String { get }
    static var format: SourceFormat { get }
    var position: XMLSAXParser.Position { get set }
    /// Called with each usable record's fields while ``stopped`` is false.
    var onRecord: (Fields) -> Void { get set }
    var stopped: Bool { get set }
    var stats: ReadStatistics { get }
    var log: ProblemLog { get }
    /// Added to the parser's line numbers when parsing a batch cut from the file.
    var lineBase: Int { get set }
    /// Records of the file before this batch.
    var recordBase: Int { get set }
    /// True between a record's opening and closing tags.
    var isInsideRecord: Bool { get }
}

/// The two ways an XML export of records is read: whole (a single pass, as
/// UTF-16 files need) or as a batch cut by ``XMLRecordChunker`` (parallel).
enum XMLRecordFile {
    /// Reads every record of `path` in one pass, calling `body` once per usable record.
    static func read<H: XMLRecordHandler, Record>(path: String, log: inout ProblemLog, handler makeHandler: () -> H,
                                                  building build: @escaping (H.Fields) -> Record,
                                                  _ body: (Record) throws -> Void) throws -> ReadStatistics {
        let source = try ByteSource(path: path)
        var stats = ReadStatistics(file: path, format: H.format)
        var thrown: Error?
        try withoutActuallyEscaping(body) { body in
            let handler = makeHandler()
            let parser = XMLSAXParser(fieldHandler: handler, fileName: path)
            handler.position = parser.position
            handler.onRecord = { [unowned handler] fields in
                do { try body(build(fields)) } catch { thrown = error; handler.stopped = true }
            }
            // The handler keeps the closure; release it before the block ends
            // so `body` does not outlive this call.
            defer { handler.onRecord = { _ in } }
            let failure = try parser.parse(source)
            if let thrown { throw thrown }
            stats = handler.stats
            stats.bytes = source.bytesRead
            log.merge(handler.log)
            log.note(source.damage, file: path, recordsKept: stats.recordsRead, recordKind: H.recordElement)
            if let failure {
                if handler.isInsideRecord {
                    stats.recordsRead += 1
                    stats.recordsSkipped += 1
                }
                let what = handler.isInsideRecord ? "\(H.recordElement) \(stats.recordsRead) is incomplete and was not used; " : ""
                log.record(Problem(handler.isInsideRecord ? .skippedRecord : .truncated,
                                   at: SourcePosition(file: path, line: failure.line),
                                   reason: "XML parsing stopped: \(failure.message) (\(what)records before this point were kept)"))
            }
        }
        return stats
    }

    /// Parses one batch of complete records; a damaged record costs only
    /// itself (``XMLBatchRecovery``). Positions are the batch's own until
    /// an ``XMLBatchCursor`` places the result in its file.
    static func parse<H: XMLRecordHandler, Record>(batch: XMLRecordChunker.Batch, file: String,
                                                   handler makeHandler: () -> H,
                                                   building build: @escaping (H.Fields) -> Record) -> XMLBatchResult<Record> {
        var result = XMLBatchRecovery.parse(batch, closingTag: "</\(H.recordElement)>") { piece in
            let handler = makeHandler()
            handler.lineBase = piece.firstLine - 1
            handler.recordBase = piece.recordsBefore
            var records: [Record] = []
            handler.onRecord = { records.append(build($0)) }
            let failure: (line: Int, message: String)? = piece.document.withUnsafeBufferPointer { bytes in
                let parser = XMLSAXParser(fieldHandler: handler, fileName: file, document: bytes)
                handler.position = parser.position
                if parser.parseDocument() { return nil }
                return parser.firstError ?? (parser.line, "malformed XML")
            }
            handler.onRecord = { _ in }
            guard let failure else { return (XMLBatchResult(records: records, stats: handler.stats, log: handler.log), false) }
            // Every record of the piece not read is counted as skipped.
            let lost = max(XMLBatchRecovery.countOpens(H.recordElement, in: Array(piece.bytes)), 1)
            var result = XMLBatchResult<Record>(stats: ReadStatistics(file: file, format: H.format))
            result.stats.recordsRead = lost
            result.stats.recordsSkipped = lost
            result.log.record(Problem(.skippedRecord, at: SourcePosition(file: file, line: handler.lineBase + failure.line,
                                                                          record: piece.recordsBefore + 1),
                                      recordKind: H.recordElement,
                                      reason: "XML error: \(failure.message); \(lost == 1 ? "the record was" : "\(lost) records were") skipped"))
            return (result, true)
        }
        result.lines = LineBreaks.count(batch.bytes)
        return result
    }
}
