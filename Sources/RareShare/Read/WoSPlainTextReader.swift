/// Streams Web of Science "plain text" (tagged) exports.
///
/// Each record runs from `PT` to `ER`; a value continues on lines indented by
/// three spaces, and list fields (`AU`, `AF`, `C1`) put one entry per line.
/// `FN`/`VR` headers and the closing `EF` may repeat, so several exports
/// concatenated into one file read as one. A record still open when the next
/// `PT` or the end of the file arrives is counted as skipped and reported:
/// without its `ER` there is no telling what was lost. See
/// ``WoSRecord/makeWork(format:warn:)`` for how addresses reach authors.
///
/// - Complexity: O(file size); memory one record.
public struct WoSPlainTextReader: WorkReader {
    public var format: SourceFormat { .wosPlainText }

    public init() {}

    /// Tags kept; the rest (abstracts, cited references…) are passed over.
    static let keptTags: Set<String> = ["PT", "AU", "AF", "BA", "BF", "C1", "RP", "PY", "EA", "DI", "UT", "DT", "TI"]
    /// Tags whose lines are separate entries; other tags' lines join with a space.
    static let listTags: Set<String> = ["AU", "AF", "BA", "BF", "C1"]

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let lines = try LineReader(path: path)
        var stats = ReadStatistics(file: path, format: format)
        var record: WoSRecord?
        var recordLine = 0
        var tag: String?
        var strayLines = 0
        var firstStray = 0

        func position() -> SourcePosition {
            SourcePosition(file: path, line: recordLine, record: stats.recordsRead)
        }

        func abandon(_ reason: String) {
            stats.recordsSkipped += 1
            log.record(Problem(.skippedRecord, at: position(), recordKind: "record",
                               recordID: record?.first("UT"), field: "ER", reason: reason))
            record = nil
        }

        func finish() throws {
            guard var r = record else { return }
            for (t, values) in r.fields where !Self.listTags.contains(t) && values.count > 1 {
                r.fields[t] = [values.joined(separator: " ")]
            }
            let pos = position()
            let id = r.first("UT")
            let work = r.makeWork(format: format) { field, reason in
                log.record(Problem(.warning, at: pos, recordKind: "record", recordID: id, field: field, reason: reason))
            }
            record = nil
            stats.recordsUsed += 1
            stats.noteYear(work.year)
            try body(work)
        }

        do {
            while var raw = try lines.nextLine() {
                if raw.starts(with: Self.byteOrderMark) { raw.removeFirst(3) }
                if raw.count > 2 && raw[0] == UInt8(ascii: "E") && raw[1] == UInt8(ascii: "F") && raw[2] != 0x20 {
                    // `cat` of exports that end in "EF" with no line break runs the
                    // closing EF into the next export's "FN" line: split them again.
                    if record != nil { abandon("record has no ER before EF; record skipped") }
                    tag = nil
                    raw.removeFirst(2)
                    if raw.starts(with: Self.byteOrderMark) { raw.removeFirst(3) }
                }
                if raw.isEmpty { continue }
                if raw.count >= 3 && raw[0] == 0x20 && raw[1] == 0x20 {
                    // Continuation of the current tag.
                    guard record != nil, let t = tag else {
                        if strayLines == 0 { firstStray = lines.lineNumber }
                        strayLines += 1
                        continue
                    }
                    guard Self.keptTags.contains(t) else { continue }
                    let value = String(decoding: raw, as: UTF8.self).trimmingSpaces
                    record?.fields[t, default: []].append(String(value))
                    continue
                }
                guard raw.count >= 2, Self.isTagByte(raw[0]), Self.isTagByte(raw[1]) else {
                    if strayLines == 0 { firstStray = lines.lineNumber }
                    strayLines += 1
                    continue
                }
                let t = String(decoding: raw[0..<2], as: UTF8.self)
                var valueStart = 2
                if raw.count > 2 {
                    if raw[2] == 0x20 { valueStart = 3 } else {
                        log.record(Problem(.warning, at: SourcePosition(file: path, line: lines.lineNumber, record: stats.recordsRead),
                                           recordKind: "record", field: t,
                                           reason: "tag not followed by a space; read as \(t) anyway"))
                    }
                }
                let value = String(decoding: raw[valueStart...], as: UTF8.self).trimmingSpaces
                tag = t
                switch t {
                case "FN", "VR", "EF":
                    if record != nil {
                        abandon("record has no ER before \(t); record skipped")
                    }
                    tag = nil
                case "PT":
                    if record != nil { abandon("record has no ER before the next PT; record skipped") }
                    stats.recordsRead += 1
                    recordLine = lines.lineNumber
                    record = WoSRecord()
                    record?.fields["PT"] = [String(value)]
                case "ER":
                    if record != nil { try finish() } else {
                        log.record(Problem(.warning, at: SourcePosition(file: path, line: lines.lineNumber),
                                           field: "ER", reason: "ER without a record (no PT before it)"))
                    }
                    tag = nil
                default:
                    guard record != nil else {
                        if strayLines == 0 { firstStray = lines.lineNumber }
                        strayLines += 1
                        continue
                    }
                    if Self.keptTags.contains(t) { record?.fields[t, default: []].append(String(value)) }
                }
            }
        } catch let error as InputError {
            log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
        }
        log.note(lines.source.damage, file: path, recordsKept: stats.recordsRead - (record == nil ? 0 : 1), recordKind: "record")
        if record != nil {
            stats.recordsSkipped += 1
            log.record(Problem(.truncated, at: position(), recordKind: "record", recordID: record?.first("UT"), field: "ER",
                               reason: "the file ends inside this record (no ER); record skipped, records before it were kept"))
            record = nil
        }
        if strayLines > 0 {
            log.record(Problem(.warning, at: SourcePosition(file: path, line: firstStray),
                               reason: "\(strayLines) line(s) outside any PT…ER record were ignored"))
        }
        stats.bytes = lines.source.bytesRead
        return stats
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func isTagByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
