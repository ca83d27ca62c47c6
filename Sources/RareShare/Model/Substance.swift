/// One substance record of a Reaxys substance export.
public struct Substance: Sendable, Equatable {
    /// Registry number (`IDE.XRN`).
    public var registryNumber: String
    /// Molecular formula (`IDE.MF`) with markup children joined into plain text.
    public var formula: String?
    /// The citation blocks in the order listed; the first report is chosen among them.
    public var reports: [SubstanceReport]

    public init(registryNumber: String, formula: String?, reports: [SubstanceReport]) {
        self.registryNumber = registryNumber
        self.formula = formula
        self.reports = reports
    }
}

/// One citation block inside a substance record: citation id (`CNR.CNR`) and year (`CIT.PY`).
public struct SubstanceReport: Sendable, Equatable {
    public var citationID: String?
    public var year: Int?

    public init(citationID: String?, year: Int?) {
        self.citationID = citationID
        self.year = year
    }
}

/// One record of a Reaxys citation export.
public struct Citation: Sendable, Equatable {
    /// Citation id (`CNR.CNR`), the key substances refer to.
    public var id: String
    /// Normalized DOI (`CIT.DOI`).
    public var doi: String?
    /// Publication year (`CIT.PY`).
    public var year: Int?
    /// Author names as Reaxys prints them (`CIT.AU`).
    public var authors: String?
    /// Title (`CIT.TI`): the key of a title + year look-up when there is no DOI.
    public var title: String?

    public init(id: String, doi: String?, year: Int?, authors: String?, title: String? = nil) {
        self.id = id
        self.doi = doi
        self.year = year
        self.authors = authors
        self.title = title
    }
}
