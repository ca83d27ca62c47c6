/// One input file as checked before any reading: what the user named it as,
/// its format, compression and encoding, each found once from its first bytes.
///
/// Built by ``InputPlan`` for `analyze` and `extract`, and by
/// ``examine(_:format:)`` for `inspect`; readers then open the file by its
/// path (so a file is opened twice in all: once here, once to read it).
public struct InputFile: Sendable, Hashable {
    /// The option a file was named under, which decides what it must hold.
    public enum Kind: String, Sendable, CaseIterable {
        /// `--substances`: a Reaxys substance export.
        case substances
        /// `--citations`: a Reaxys citation export.
        case citations
        /// `--works`: a bibliographic export with affiliations.
        case works
    }

    /// How the content is stored, whatever the file's name says.
    public enum Compression: String, Sendable { case none, gzip }

    /// The text encoding found at the start of the content; the names are
    /// those ``TextSource/encoding`` reports.
    public enum Encoding: String, Sendable {
        case utf8 = "utf-8"
        case utf16LittleEndian = "utf-16le"
        case utf16BigEndian = "utf-16be"
        /// Not valid UTF-8 in the first MiB: decoded as Windows-1252, as
        /// Excel saves CSV. Only decided for the text exports (see ``SourceFormat/isText``);
        /// XML and JSON files are taken as UTF-8 unless they start with a UTF-16 BOM.
        case windows1252 = "windows-1252"
    }

    public let path: String
    /// `nil` for a file examined without a role (`inspect`).
    public let kind: Kind?
    /// Place among the files named under the same option, counting files left
    /// out as empty, so that numbering follows the command line (0-based).
    public let index: Int
    public let format: SourceFormat
    public let compression: Compression
    public let encoding: Encoding

    /// True for UTF-16 content, which the XML batch cutter cannot split (it cuts on ASCII tags).
    public var isUTF16: Bool { encoding == .utf16LittleEndian || encoding == .utf16BigEndian }

    /// The reader for a bibliographic file; `nil` for the Reaxys formats.
    public func workReader() -> (any WorkReader)? { FormatDetector.workReader(for: format) }

    init(path: String, kind: Kind?, index: Int, format: SourceFormat, head: FileHead) throws {
        self.path = path
        self.kind = kind
        self.index = index
        self.format = format
        compression = head.isGzip ? .gzip : .none
        switch head.utf16ByteOrder {
        case .littleEndian?: encoding = .utf16LittleEndian
        case .bigEndian?: encoding = .utf16BigEndian
        case nil: encoding = try format.isText && !head.startsAsUTF8() ? .windows1252 : .utf8
        }
    }

    /// Examines one file of any format (detected unless `format` is given),
    /// as `inspect` does: one open, no policy about empty files.
    /// - Throws: ``InputError`` `.missing`, `.unreadable`, or `.unknownFormat`
    ///   saying what the start looked like.
    public static func examine(_ path: String, format: SourceFormat? = nil) throws -> InputFile {
        let head = try FileHead(path: path)
        guard let found = format ?? FormatDetector.detect(head: head.head) else {
            throw InputError(.unknownFormat, at: SourcePosition(file: path),
                             "unknown format; the file starts with \(FormatDetector.describeStart(head.head))")
        }
        return try InputFile(path: path, kind: nil, index: 0, format: found, head: head)
    }
}

extension SourceFormat {
    /// The exports read through ``TextSource`` (Web of Science, Scopus,
    /// MEDLINE, Dimensions, Lens), which carry no encoding declaration.
    public var isText: Bool {
        switch self {
        case .wosPlainText, .wosTabDelimited, .scopusCSV, .medlineText, .dimensionsCSV, .lensCSV: true
        case .reaxysSubstances, .reaxysCitations, .openAlexJSON, .crossrefJSON, .pubMedXML: false
        }
    }
}
