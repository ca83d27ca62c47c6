/// One bibliographic record as every reader yields it, whatever the source.
///
/// The fields are those the pipeline joins and counts on; everything else a
/// source carries is left behind at the reader.
public struct Work: Sendable, Equatable {
    /// Normalized DOI (see ``DOI``), the join key with Reaxys citations.
    public var doi: String?
    /// The source's own identifier (OpenAlex W-id, WoS UT, Scopus EID, PMID…).
    public var sourceID: String?
    /// Publication year.
    public var year: Int?
    /// Document type as the source names it (article, review, …).
    public var documentType: String?
    public var title: String?
    /// Authors in byline order.
    public var authors: [Author]
    /// Which reader produced the record.
    public var source: SourceFormat

    public init(doi: String? = nil, sourceID: String? = nil, year: Int? = nil, documentType: String? = nil,
                title: String? = nil, authors: [Author] = [], source: SourceFormat) {
        self.doi = doi
        self.sourceID = sourceID
        self.year = year
        self.documentType = documentType
        self.title = title
        self.authors = authors
        self.source = source
    }
}

/// One author of a ``Work``.
public struct Author: Sendable, Equatable {
    public var name: String?
    /// All affiliations in the order the source lists them; the reference study uses the first.
    public var affiliations: [Affiliation]
    /// `nil` where the source does not say.
    public var isCorresponding: Bool?

    public init(name: String? = nil, affiliations: [Affiliation] = [], isCorresponding: Bool? = nil) {
        self.name = name
        self.affiliations = affiliations
        self.isCorresponding = isCorresponding
    }
}

/// One affiliation of an ``Author``: the raw text and whatever the source resolved.
public struct Affiliation: Sendable, Equatable {
    /// The affiliation string as printed, if the source gives one.
    public var raw: String?
    /// The country the source itself assigned (OpenAlex `country_code`, Dimensions country).
    public var countryCode: CountryCode?
    /// The source's institution identifier (ROR, OpenAlex I-id, GRID).
    public var institutionID: String?

    public init(raw: String? = nil, countryCode: CountryCode? = nil, institutionID: String? = nil) {
        self.raw = raw
        self.countryCode = countryCode
        self.institutionID = institutionID
    }
}

/// The export formats RareShare reads.
public enum SourceFormat: String, Sendable, CaseIterable, Codable {
    case reaxysSubstances = "reaxys-substances"
    case reaxysCitations = "reaxys-citations"
    case openAlexJSON = "openalex-json"
    case wosPlainText = "wos-plaintext"
    case wosTabDelimited = "wos-tab"
    case scopusCSV = "scopus-csv"
    case pubMedXML = "pubmed-xml"
    case medlineText = "medline-text"
    case crossrefJSON = "crossref-json"
    case dimensionsCSV = "dimensions-csv"
    case lensCSV = "lens-csv"
}
