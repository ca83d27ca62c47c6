/// Decides a file's format from its first bytes, not its name: exports are
/// routinely renamed, and a `.txt` may hold any of several formats.
public enum FormatDetector {
    /// The format of `path`, or an ``InputError`` `.unknownFormat` that says what the start looked like.
    public static func detect(path: String) throws -> SourceFormat {
        let head = try ByteSource.peek(path: path, count: 8192)
        if let format = detect(head: head) { return format }
        throw InputError(.unknownFormat, at: SourcePosition(file: path),
                         "unknown format; the file starts with \(describeStart(head))")
    }

    /// The format recognised from the first bytes of content, or `nil`.
    public static func detect(head: [UInt8]) -> SourceFormat? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = text.drop(while: { $0.isWhitespace })
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return .openAlexJSON }
        if trimmed.hasPrefix("<") {
            if text.contains("<substance") || text.contains("IDE.XRN") { return .reaxysSubstances }
            if text.contains("<citation") || text.contains("CNR.CNR") { return .reaxysCitations }
        }
        return nil
    }

    /// A short printable rendering of the first bytes, for error messages.
    public static func describeStart(_ head: [UInt8]) -> String {
        if head.isEmpty { return "nothing (the file is empty)" }
        let sample = head.prefix(40).map { b -> String in
            (b >= 0x20 && b < 0x7F) ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16, uppercase: true)
        }.joined()
        return "\"\(sample)\""
    }

    /// The reader for a bibliographic file (detected, or as forced by `override`).
    public static func workReader(for path: String, override: SourceFormat? = nil) throws -> any WorkReader {
        let format = try override ?? detect(path: path)
        switch format {
        case .openAlexJSON: return OpenAlexReader()
        default:
            throw InputError(.unknownFormat, at: SourcePosition(file: path),
                             "\(format.rawValue) is not a bibliographic format RareShare reads")
        }
    }
}
