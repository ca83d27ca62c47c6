/// Streams Web of Science tab-delimited exports, in both saved encodings:
/// "UTF-8" (with a BOM) and "Windows, UTF-16" (UTF-16LE with a BOM, CRLF),
/// the latter converted by ``TextSource``.
///
/// The first row names the columns with the same two-letter tags as the
/// plain-text export; each later row is one record. Rows are not quoted (a
/// title may hold a lone `"`), so a row is exactly one line. Data rows often
/// carry one more (empty) field than the header, from a trailing tab; extra
/// fields are ignored. In list fields `AU`, `AF` and `C1` entries are
/// separated by `; ` (inside `C1`'s `[…]` author brackets too, which is why
/// the split respects brackets). Every exported row ends with a line break,
/// so a last row without one is taken as cut short and skipped.
public struct WoSTabDelimitedReader: WorkReader {
    public var format: SourceFormat { .wosTabDelimited }

    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let source = try TextSource(path: path)
        let rows = DelimitedRecordReader(source, delimiter: 0x09, quoting: false)
        var stats = ReadStatistics(file: path, format: format)
        do {
            guard let header = try rows.next() else {
                stats.bytes = source.bytesRead
                return stats
            }
            let columns = ColumnMap(header.fields)
            guard columns.column("PT") != nil || columns.column("UT") != nil else {
                throw InputError(.malformed, at: SourcePosition(file: path, line: 1), field: "header",
                                 "no PT or UT column; this is not a Web of Science tab-delimited export")
            }
            if !rows.lastRecordTerminated {
                log.record(Problem(.truncated, at: SourcePosition(file: path, line: 1), field: "header",
                                   reason: "the file ends inside the header row (file cut short?)"))
            }
            while let row = try rows.next() {
                if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                stats.recordsRead += 1
                let position = SourcePosition(file: path, line: row.line, record: stats.recordsRead)
                if row.fields.count < columns.names.count - 1 && rows.lastRecordTerminated {
                    // Fewer fields than columns in mid-file: a broken row.
                    stats.recordsSkipped += 1
                    log.record(Problem(.skippedRecord, at: position, recordKind: "record",
                                       reason: "\(row.fields.count) fields where the header has \(columns.names.count); record skipped"))
                    continue
                }
                if row.fields.count < columns.names.count - 1 || !rows.lastRecordTerminated {
                    // Web of Science ends every row with a line break: a last row
                    // without one was cut, and its last field may be incomplete.
                    stats.recordsSkipped += 1
                    let field = columns.names.indices.contains(row.fields.count - 1) ? columns.names[row.fields.count - 1] : nil
                    log.record(Problem(.truncated, at: position, recordKind: "record", field: field,
                                       reason: "the last row stops after \(row.fields.count) of \(columns.names.count) fields with no line break (file cut short?); record skipped, records before it were kept"))
                    continue
                }
                var record = WoSRecord()
                for tag in ["PT", "PY", "EA", "DI", "UT", "DT", "TI", "RP"] {
                    if let v = columns.value(tag, in: row.fields) { record.fields[tag] = [v] }
                }
                for tag in ["AU", "AF", "BA", "BF"] {
                    if let v = columns.value(tag, in: row.fields) { record.fields[tag] = FieldText.split(v, on: ";") }
                }
                if let v = columns.value("C1", in: row.fields) { record.fields["C1"] = FieldText.splitOutsideBrackets(v) }
                let id = record.first("UT")
                let work = record.makeWork(format: format) { field, reason in
                    log.record(Problem(.warning, at: position, recordKind: "record", recordID: id, field: field, reason: reason))
                }
                stats.recordsUsed += 1
                stats.noteYear(work.year)
                try body(work)
            }
        } catch let failure as DelimitedRecordReader.Failure {
            stats.recordsRead += 1
            stats.recordsSkipped += 1
            log.record(Problem(.truncated, at: SourcePosition(file: path, line: failure.line, record: stats.recordsRead),
                               recordKind: "record", reason: failure.reason + "; record skipped, records before it were kept"))
        } catch let error as InputError where error.kind == .malformed && error.field == nil {
            log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
        }
        log.note(source.damage, file: path, recordsKept: stats.recordsRead - (rows.lastRecordTerminated ? 0 : 1), recordKind: "record")
        stats.bytes = source.bytesRead
        return stats
    }
}
