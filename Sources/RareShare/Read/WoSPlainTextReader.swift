/// Streams Web of Science "plain text" (tagged) exports, of the Core
/// Collection and of the other databases Web of Science serves (BIOSIS,
/// Zoological Record, Current Contents, MEDLINE), which share the layout.
///
/// Each record runs from `PT` to `ER`; a value continues on lines indented by
/// three spaces, and list fields (`AU`, `AF`, `C1`) put one entry per line.
/// `FN`/`VR` headers and the closing `EF` may repeat, so several exports
/// concatenated into one file read as one. A record still open when the next
/// `PT` or the end of the file arrives is counted as skipped and reported:
/// without its `ER` there is no telling what was lost. See
/// ``WoSRecord/makeWork(format:warn:)`` for how addresses reach authors.
///
/// What converters and hand edits do to the layout is read too: a header
/// line run into the first record (`VR 1.0PT J`) still opens that record; a
/// line inside a record that starts with no tag (its indentation lost)
/// continues the value before; a `C1` address wrapped onto a second line
/// (every address ends with a period, so a line after one that does not
/// end with a period continues it) stays one address.
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
        var state = WoSLineState(path: path, format: format)
        do {
            while var raw = try lines.nextLine() {
                if raw.starts(with: Self.byteOrderMark) { raw.removeFirst(3) }
                try state.take(raw, line: lines.lineNumber, log: &log, body)
            }
        } catch let error as InputError {
            log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
        }
        log.note(lines.source.damage, file: path, recordsKept: state.stats.recordsRead - (state.isInsideRecord ? 1 : 0), recordKind: "record")
        state.finishFile(log: &log)
        var stats = state.stats
        stats.bytes = lines.source.bytesRead
        return stats
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func isTagByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}

/// The reading state of ``WoSPlainTextReader``: the record open, the tag
/// whose value continues, and what was passed over.
struct WoSLineState {
    let path: String
    let format: SourceFormat
    var stats: ReadStatistics
    private var record: WoSRecord?
    private var recordLine = 0
    private var tag: String?
    private var strayLines = 0
    private var firstStray = 0

    init(path: String, format: SourceFormat) {
        self.path = path
        self.format = format
        stats = ReadStatistics(file: path, format: format)
    }

    /// True while a record is open (its `ER` not read yet).
    var isInsideRecord: Bool { record != nil }

    private var position: SourcePosition { SourcePosition(file: path, line: recordLine, record: stats.recordsRead) }

    private mutating func abandon(_ reason: String, log: inout ProblemLog) {
        stats.recordsSkipped += 1
        log.record(Problem(.skippedRecord, at: position, recordKind: "record",
                           recordID: record?.first("UT"), field: "ER", reason: reason))
        record = nil
    }

    private mutating func stray(_ line: Int) {
        if strayLines == 0 { firstStray = line }
        strayLines += 1
    }

    private mutating func open(_ value: String, line: Int, log: inout ProblemLog) {
        if record != nil { abandon("record has no ER before the next PT; record skipped", log: &log) }
        stats.recordsRead += 1
        recordLine = line
        record = WoSRecord()
        record?.fields["PT"] = [value]
        tag = "PT"
    }

    private mutating func finish(log: inout ProblemLog, _ body: (Work) throws -> Void) throws {
        guard var r = record else { return }
        for (t, values) in r.fields where !WoSPlainTextReader.listTags.contains(t) && values.count > 1 {
            r.fields[t] = [values.joined(separator: " ")]
        }
        let pos = position
        let id = r.first("UT")
        let work = r.makeWork(format: format) { field, reason in
            log.record(Problem(.warning, at: pos, recordKind: "record", recordID: id, field: field, reason: reason))
        }
        record = nil
        stats.recordsUsed += 1
        stats.noteYear(work.year)
        try body(work)
    }

    /// Adds a continuation line's text to the value of the current tag.
    private mutating func continueValue(_ text: String) {
        guard let t = tag, WoSPlainTextReader.keptTags.contains(t), !text.isEmpty else { return }
        var values = record?.fields[t] ?? []
        if !WoSPlainTextReader.listTags.contains(t) || values.isEmpty {
            values.append(text)
        } else if t == "C1", let last = values.last, !last.hasSuffix("."), !text.hasPrefix("[") {
            // An address wrapped onto the next line: Web of Science ends every address with a period.
            values[values.count - 1] = last + " " + text
        } else {
            values.append(text)
        }
        record?.fields[t] = values
    }

    /// Reads one line (without its line break).
    mutating func take(_ line: [UInt8], line number: Int, log: inout ProblemLog, _ body: (Work) throws -> Void) throws {
        var raw = line
        if raw.count > 2 && raw[0] == UInt8(ascii: "E") && raw[1] == UInt8(ascii: "F") && raw[2] != 0x20 {
            // `cat` of exports that end in "EF" with no line break runs the
            // closing EF into the next export's "FN" line: split them again.
            if record != nil { abandon("record has no ER before EF; record skipped", log: &log) }
            tag = nil
            raw.removeFirst(2)
            if raw.starts(with: WoSPlainTextReader.byteOrderMark) { raw.removeFirst(3) }
        }
        if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        if raw.count >= 3 && raw[0] == 0x20 && raw[1] == 0x20 {
            guard record != nil, tag != nil else { return stray(number) }
            continueValue(String(String(decoding: raw, as: UTF8.self).trimmingSpaces))
            return
        }
        guard let (t, value) = tagged(raw, line: number, log: &log) else {
            // No tag: inside a record, a continuation whose indentation was lost.
            guard record != nil, tag != nil else { return stray(number) }
            continueValue(String(String(decoding: raw, as: UTF8.self).trimmingSpaces))
            return
        }
        try take(tag: t, value: value, line: number, log: &log, body)
    }

    /// The tag and value of a tagged line, or `nil` for a line that starts with no tag.
    private func tagged(_ raw: [UInt8], line: Int, log: inout ProblemLog) -> (String, String)? {
        guard raw.count >= 2, WoSPlainTextReader.isTagByte(raw[0]), WoSPlainTextReader.isTagByte(raw[1]),
              raw[0] > UInt8(ascii: "9") else { return nil }
        let t = String(decoding: raw[0..<2], as: UTF8.self)
        var valueStart = 2
        if raw.count > 2 {
            if raw[2] == 0x20 {
                valueStart = 3
            } else if Self.structuralTags.contains(t) || WoSPlainTextReader.keptTags.contains(t) {
                log.record(Problem(.warning, at: SourcePosition(file: path, line: line, record: stats.recordsRead),
                                   recordKind: "record", field: t, reason: "tag not followed by a space; read as \(t) anyway"))
            } else if record != nil {
                return nil   // "CH4-derived …": text, not a tag
            }
        }
        return (t, String(String(decoding: raw[valueStart...], as: UTF8.self).trimmingSpaces))
    }

    static let structuralTags: Set<String> = ["FN", "VR", "PT", "ER", "EF"]

    private mutating func take(tag t: String, value: String, line: Int, log: inout ProblemLog,
                               _ body: (Work) throws -> Void) throws {
        tag = t
        switch t {
        case "FN", "VR", "EF":
            if record != nil { abandon("record has no ER before \(t); record skipped", log: &log) }
            tag = nil
            // A header run into the first record ("VR 1.0PT J"): open that record.
            if t != "EF", let fused = Self.fusedRecordType(value) {
                log.record(Problem(.warning, at: SourcePosition(file: path, line: line), field: t,
                                   reason: "the header line runs into the first record's PT; the record is read"))
                open(fused, line: line, log: &log)
            }
        case "PT":
            open(value, line: line, log: &log)
        case "ER":
            if record != nil { try finish(log: &log, body) } else {
                log.record(Problem(.warning, at: SourcePosition(file: path, line: line),
                                   field: "ER", reason: "ER without a record (no PT before it)"))
            }
            tag = nil
        default:
            guard record != nil else { return stray(line) }
            if WoSPlainTextReader.keptTags.contains(t) { record?.fields[t, default: []].append(value) }
        }
    }

    /// The publication type of a `PT` that a header value ends with (`1.0PT J`,
    /// `Web of SciencePT J`), if any.
    static func fusedRecordType(_ value: String) -> String? {
        guard let range = value.range(of: "PT ", options: .backwards) else { return nil }
        let type = value[range.upperBound...].trimmingSpaces
        guard !type.isEmpty, type.count <= 2, type.allSatisfy({ $0.isUppercase }) else { return nil }
        return String(type)
    }

    /// Reports what the end of the file leaves open or passed over.
    mutating func finishFile(log: inout ProblemLog) {
        if record != nil {
            stats.recordsSkipped += 1
            log.record(Problem(.truncated, at: position, recordKind: "record", recordID: record?.first("UT"), field: "ER",
                               reason: "the file ends inside this record (no ER); record skipped, records before it were kept"))
            record = nil
        }
        if strayLines > 0 {
            log.record(Problem(.warning, at: SourcePosition(file: path, line: firstStray),
                               reason: "\(strayLines) line(s) outside any PT…ER record were ignored"))
        }
    }
}
