import Foundation

/// Decides a file's format from its first bytes, not its name: exports are
/// routinely renamed, and a `.txt` may hold any of several formats.
public enum FormatDetector {
    /// The format of `path`, or an ``InputError`` `.unknownFormat` that says what the start looked like.
    /// (``InputFile/examine(_:format:)`` says the same and more: compression and encoding.)
    public static func detect(path: String) throws -> SourceFormat {
        try InputFile.examine(path).format
    }

    /// The format recognised from the first bytes of content, or `nil`.
    ///
    /// UTF-16 content (with a BOM) is converted before looking; gzip is
    /// already undone by ``ByteSource/peek(path:count:)``. The signs looked for:
    /// - Web of Science plain text: a first line `FN …`, `VR …` or `PT …`;
    /// - Web of Science tab-delimited: a first line of tab-separated tags `PT`, `AU`, …;
    /// - MEDLINE text: a first line `PMID- …`;
    /// - PubMed XML: a `PubmedArticleSet` / `PubmedArticle` element;
    /// - Reaxys: `<substance`/`IDE.XRN` or `<citation`/`CNR.CNR`;
    /// - JSON: Crossref when Crossref's own keys (`message-type`, `date-parts`,
    ///   `container-title`, upper-case `DOI`) come before OpenAlex's
    ///   (`openalex.org`, `authorships`, `publication_year`); OpenAlex otherwise;
    /// - CSV: Dimensions (an `About the data` row, or `Publication ID` and
    ///   `Dimensions URL` columns), Lens (`Lens ID`), Scopus (`EID` or `Authors`
    ///   with `Source title`).
    public static func detect(head: [UInt8]) -> SourceFormat? {
        var bytes = head[...]
        if let order = UTF16Transcoder.byteOrderMark(bytes) {
            var t = UTF16Transcoder(byteOrder: order)
            let utf8 = t.convert(bytes.dropFirst(2))
            return detect(head: utf8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        let trimmed = text.drop(while: { $0.isWhitespace })
        let firstLine = trimmed.prefix(while: { $0 != "\n" && $0 != "\r" })

        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return jsonFormat(text) }
        if trimmed.hasPrefix("<") {
            if text.contains("<PubmedArticleSet") || text.contains("<PubmedArticle") || text.contains("<MedlineCitationSet")
                || text.contains("<PubmedBookArticle") {
                return .pubMedXML
            }
            if text.contains("<substance") || text.contains("IDE.XRN") { return .reaxysSubstances }
            if text.contains("<citation") || text.contains("CNR.CNR") { return .reaxysCitations }
            return nil
        }
        for tag in ["FN ", "VR ", "PT "] where firstLine.hasPrefix(tag) { return .wosPlainText }
        if firstLine.contains("\t") {
            let columns = Set(firstLine.split(separator: "\t").map { String($0.trimmingSpaces) })
            if columns.contains("PT") && (columns.contains("AU") || columns.contains("UT")) { return .wosTabDelimited }
        }
        if firstLine.hasPrefix("PMID-") || firstLine.hasPrefix("PMID -") { return .medlineText }
        let unquoted = firstLine.replacingQuotes()
        if unquoted.hasPrefix("About the data") { return .dimensionsCSV }
        let columns = Set(unquoted.split(separator: ",").map { String($0.trimmingSpaces) })
        if columns.contains("Lens ID") { return .lensCSV }
        if columns.contains("Publication ID") && (columns.contains("Dimensions URL") || columns.contains("Research Organizations - standardized")) {
            return .dimensionsCSV
        }
        if columns.contains("EID") || (columns.contains("Authors") && columns.contains("Source title")) { return .scopusCSV }
        return nil
    }

    private static func jsonFormat(_ text: String) -> SourceFormat {
        func firstIndex(_ needles: [String]) -> String.Index? {
            needles.compactMap { text.range(of: $0)?.lowerBound }.min()
        }
        let crossref = firstIndex(["\"message-type\"", "\"date-parts\"", "\"container-title\"", "\"DOI\""])
        let openAlex = firstIndex(["openalex.org", "\"authorships\"", "\"publication_year\""])
        switch (crossref, openAlex) {
        case let (c?, o?): return c < o ? .crossrefJSON : .openAlexJSON
        case (_?, nil): return .crossrefJSON
        default: return .openAlexJSON
        }
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
        if let reader = workReader(for: format) { return reader }
        throw InputError(.unknownFormat, at: SourcePosition(file: path),
                         "\(format.rawValue) is not a bibliographic format RareShare reads")
    }

    /// The reader for `format`, `nil` for the Reaxys formats (which hold no authors' affiliations).
    public static func workReader(for format: SourceFormat) -> (any WorkReader)? {
        switch format {
        case .openAlexJSON: OpenAlexReader()
        case .wosPlainText: WoSPlainTextReader()
        case .wosTabDelimited: WoSTabDelimitedReader()
        case .scopusCSV: ScopusCSVReader()
        case .pubMedXML: PubMedXMLReader()
        case .medlineText: MedlineTextReader()
        case .crossrefJSON: CrossrefReader()
        case .dimensionsCSV: DimensionsCSVReader()
        case .lensCSV: LensCSVReader()
        case .reaxysSubstances, .reaxysCitations: nil
        }
    }
}

private extension Substring {
    func replacingQuotes() -> String { String(filter { $0 != "\"" }) }
}
