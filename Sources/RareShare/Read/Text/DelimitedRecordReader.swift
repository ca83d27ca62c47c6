/// Streams the records of a CSV or TSV file: one record (a row of fields) at
/// a time, never the whole file.
///
/// Follows RFC 4180 where exports do: a field in double quotes may hold the
/// delimiter, line breaks and doubled quotes (`""` is one `"`); CRLF and LF
/// both end a record; a BOM is dropped (by ``TextSource``). With
/// `quoting: false` a quote is an ordinary character, as in Web of Science
/// tab-delimited files, whose titles carry unbalanced quotes and whose
/// records are always one line.
///
/// - Complexity: O(file size); memory one record, capped by ``maximumRecordBytes``.
public final class DelimitedRecordReader {
    /// One row: its fields, the 1-based line it starts on, and its 1-based ordinal in the file.
    public struct Record: Sendable {
        public var fields: [String]
        public var line: Int
        public var ordinal: Int
    }

    /// What stopped a record from being read whole; reading cannot go on past it.
    public struct Failure: Error, Sendable {
        public enum Kind: Sendable {
            /// The file ended inside a quoted field (truncated file, or a stray quote).
            case unterminatedQuote
            /// A record grew past ``DelimitedRecordReader/maximumRecordBytes`` (a stray quote swallowing the file).
            case recordTooLarge
        }
        public var kind: Kind
        /// The 1-based line the record starts on.
        public var line: Int
        /// The 0-based index of the field being read when it failed.
        public var field: Int

        /// One line a person understands.
        public var reason: String {
            switch kind {
            case .unterminatedQuote: "the file ends inside a quoted field (file cut short, or a stray quote)"
            case .recordTooLarge: "a quoted field runs on past the size limit (a stray quote?)"
            }
        }

        /// The name of the failing field's column, if the header has one.
        public func fieldName(in columns: ColumnMap) -> String? {
            field < columns.names.count ? columns.names[field] : nil
        }
    }

    public let delimiter: UInt8
    public let quoting: Bool
    public let source: TextSource
    /// A quoted field longer than this is taken as a stray quote, not data.
    public var maximumRecordBytes = 64 << 20

    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var ordinal = 0

    public init(_ source: TextSource, delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true) {
        self.source = source
        self.delimiter = delimiter
        self.quoting = quoting
    }

    /// The line the next record starts on (1-based).
    public var currentLine: Int { line }

    /// False when the last record returned ended at the end of the file
    /// rather than at a line break: the sign of a file cut short in a format
    /// whose exports always end their rows.
    public private(set) var lastRecordTerminated = true

    private func fill() throws -> Bool {
        if atEnd { return false }
        if position > 0 && position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            position = 0
        } else if position > (1 << 20) {
            buffer.removeFirst(position)
            position = 0
        }
        guard let chunk = try source.nextChunk() else { atEnd = true; return false }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// The next record, `nil` at the end of the file.
    /// - Throws: ``Failure`` for a record that cannot be completed (reading
    ///   cannot go on past it), ``InputError`` for an unreadable file.
    public func next() throws -> Record? {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        let startLine = line
        var sawAny = false
        var size = 0
        while true {
            if position >= buffer.count {
                if try !fill() {
                    if inQuotes { throw Failure(kind: .unterminatedQuote, line: startLine, field: fields.count) }
                    if !sawAny { return nil }
                    fields.append(String(decoding: field, as: UTF8.self))
                    ordinal += 1
                    lastRecordTerminated = false
                    return Record(fields: fields, line: startLine, ordinal: ordinal)
                }
                continue
            }
            let b = buffer[position]
            position += 1
            sawAny = true
            size += 1
            if size > maximumRecordBytes { throw Failure(kind: .recordTooLarge, line: startLine, field: fields.count) }
            if inQuotes {
                if b == 0x22 {
                    if position >= buffer.count { _ = try fill() }
                    if position < buffer.count && buffer[position] == 0x22 {
                        field.append(0x22)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case delimiter:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                quotedField = false
            case 0x0A:
                line += 1
                if field.last == 0x0D && !quotedField { field.removeLast() }
                fields.append(String(decoding: field, as: UTF8.self))
                ordinal += 1
                lastRecordTerminated = true
                return Record(fields: fields, line: startLine, ordinal: ordinal)
            case 0x22 where quoting && field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            case 0x0D where quotedField:
                break   // CR after a closing quote, before LF
            default:
                field.append(b)
            }
        }
    }
}

@available(*, unavailable)
extension DelimitedRecordReader: Sendable {}

/// A header row turned into a lookup from column name to index.
public struct ColumnMap: Sendable {
    public let names: [String]
    private let index: [String: Int]

    public init(_ header: [String]) {
        names = header.map { String($0.trimmingSpaces) }
        var index: [String: Int] = [:]
        for (i, n) in names.enumerated() where index[n.lowercased()] == nil { index[n.lowercased()] = i }
        self.index = index
    }

    /// The index of the first column named `name` (case-insensitive), if any.
    public func column(_ name: String) -> Int? { index[name.lowercased()] }

    /// The trimmed, non-empty value of column `name` in `fields`, if any.
    public func value(_ name: String, in fields: [String]) -> String? {
        guard let i = column(name), i < fields.count else { return nil }
        let v = fields[i].trimmingSpaces
        return v.isEmpty ? nil : String(v)
    }
}
