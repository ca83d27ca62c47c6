/// How a gzip stream ended other than cleanly: cut short, corrupt, or
/// followed by bytes that are not gzip.
///
/// ``ByteSource`` does not throw for these: it hands out every byte it could
/// decompress, then ends, and keeps this value so that the reader can say
/// how many records it kept before the damage. A reader that can only use a
/// whole file calls ``ByteSource/throwIfDamaged()`` instead.
public struct GzipDamage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file ends inside a gzip member (a cut download).
        case cut
        /// zlib rejected the deflate data (a flipped or overwritten byte).
        case corrupt
        /// After the last member, only zero bytes (block padding): nothing lost.
        case zeroPadding
        /// After the last member, bytes that do not start another member: ignored.
        case trailingJunk
    }

    public var kind: Kind
    /// Byte offset in the file on disk (compressed) where the damage was found.
    public var fileOffset: Int
    /// Decompressed bytes handed out before it.
    public var contentBytes: Int
    /// zlib's status and message for a corrupt stream (e.g. -3, "invalid block type").
    public var zlibStatus: Int32?
    public var zlibMessage: String?
    /// Length of the padding or junk after the last member, in bytes.
    public var trailingBytes = 0

    /// True when content was lost (cut or corrupt); padding and junk after
    /// the data lose nothing.
    public var losesContent: Bool { kind == .cut || kind == .corrupt }

    /// What went wrong, without what a reader kept.
    public var summary: String {
        switch kind {
        case .cut:
            return "the gzip data ends early at byte \(fileOffset) (file cut short?)"
        case .corrupt:
            let code = zlibStatus.map { " \(GzipDamage.zlibName($0))" } ?? ""
            let text = zlibMessage.map { ": \($0)" } ?? ""
            return "the gzip data is corrupt at byte \(fileOffset) (zlib\(code)\(text)); the rest of the file could not be read"
        case .zeroPadding:
            return "\(trailingBytes) zero byte(s) of padding after the gzip data were ignored"
        case .trailingJunk:
            return "\(trailingBytes) byte(s) after the gzip data are not gzip and were ignored"
        }
    }

    /// The problem a reader lists: `kept` is the number of complete records
    /// it read before the damage, `kind` their name (`substance`, `work`…).
    public func problem(file: String, recordsKept kept: Int, recordKind kind: String) -> Problem {
        let position = SourcePosition(file: file, byteOffset: fileOffset)
        guard losesContent else { return Problem(.warning, at: position, reason: summary) }
        let noun = kind == "record" ? "record" : "\(kind) record"
        let plural = kept == 1 ? noun : noun + "s"
        return Problem(.truncated, at: position, reason: "\(summary); the \(kept) complete \(plural) before it were kept")
    }

    /// zlib's name for a status code.
    static func zlibName(_ status: Int32) -> String {
        switch status {
        case 2: "Z_NEED_DICT"
        case -2: "Z_STREAM_ERROR"
        case -3: "Z_DATA_ERROR"
        case -4: "Z_MEM_ERROR"
        case -5: "Z_BUF_ERROR"
        default: "status \(status)"
        }
    }
}

extension ProblemLog {
    /// Lists `damage` (if any) with the number of complete records kept before it.
    mutating func note(_ damage: GzipDamage?, file: String, recordsKept: Int, recordKind: String) {
        guard let damage else { return }
        record(damage.problem(file: file, recordsKept: recordsKept, recordKind: recordKind))
    }
}
