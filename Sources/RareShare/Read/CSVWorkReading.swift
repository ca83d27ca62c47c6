/// The loop shared by the CSV readers whose rows are whole records
/// (Scopus, Dimensions, Lens): find the header row, then turn each row into a
/// ``Work``, counting and reporting what cannot be used.
enum CSVWorkReading {
    /// Exports end every row with a line break, so a last row without one is
    /// taken as cut short (its last field may be incomplete) and skipped.
    ///
    /// Reads `path`; `isHeader` picks the header row among the first
    /// `preambleRows + 1` rows (Dimensions puts an "About the data" row
    /// above it); `fixRow` may repair a row's fields before they are checked
    /// against the header (Scopus writes unnamed extra columns); `makeWork`
    /// converts a row, reporting warnings through its last argument.
    static func read(path: String, format: SourceFormat, log: inout ProblemLog, idColumn: String,
                     preambleRows: Int, isHeader: (ColumnMap) -> Bool,
                     fixRow: (ColumnMap) -> ([String]) -> [String] = { _ in { $0 } },
                     makeWork: ([String], ColumnMap, (String, String) -> Void) -> Work,
                     _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let source = try TextSource(path: path)
        let rows = DelimitedRecordReader(source)
        var stats = ReadStatistics(file: path, format: format)
        var columns: ColumnMap?
        do {
            for _ in 0...preambleRows {
                guard let row = try rows.next() else { break }
                let candidate = ColumnMap(row.fields)
                if isHeader(candidate) { columns = candidate; break }
            }
            guard let columns else {
                throw InputError(.malformed, at: SourcePosition(file: path, line: 1), field: "header",
                                 "no header row with the \(format.rawValue) columns in the first \(preambleRows + 1) rows")
            }
            if !rows.lastRecordTerminated {
                log.record(Problem(.truncated, at: SourcePosition(file: path, line: rows.currentLine), field: "header",
                                   reason: "the file ends inside the header row (file cut short?)"))
            }
            let fix = fixRow(columns)
            while var row = try rows.next() {
                if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                row.fields = fix(row.fields)
                stats.recordsRead += 1
                let position = SourcePosition(file: path, line: row.line, record: stats.recordsRead)
                let id = columns.value(idColumn, in: row.fields)
                if row.fields.count < columns.names.count || !rows.lastRecordTerminated {
                    let cut = !rows.lastRecordTerminated
                    stats.recordsSkipped += 1
                    let reached = row.fields.count - 1
                    log.record(Problem(cut ? .truncated : .skippedRecord, at: position, recordKind: "record",
                                       recordID: id,
                                       field: cut && reached < columns.names.count ? columns.names[reached] : nil,
                                       reason: cut
                                           ? "the last row stops with no line break after \(row.fields.count) of \(columns.names.count) fields (file cut short?); record skipped, records before it were kept"
                                           : "\(row.fields.count) fields where the header has \(columns.names.count); record skipped"))
                    continue
                }
                let work = makeWork(row.fields, columns) { field, reason in
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
                               recordKind: "record", field: columns.flatMap(failure.fieldName(in:)),
                               reason: failure.reason + "; record skipped, records before it were kept"))
        } catch let error as InputError where error.kind == .malformed && error.field == nil {
            log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
        }
        log.note(source.damage, file: path, recordsKept: stats.recordsRead - (rows.lastRecordTerminated ? 0 : 1), recordKind: "record")
        stats.bytes = source.bytesRead
        return stats
    }
}
