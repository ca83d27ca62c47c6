/// Streams Lens.org scholarly-works exports (CSV).
///
/// Per record: `DOI`, `Lens ID` (source id), `Publication Year` (else the
/// year of `Date Published`), `Publication Type`, `Title`, and the authors
/// from `Author/s` (`; `-separated). Lens' CSV carries no affiliations, so
/// its authors have none: such records count toward coverage but not toward
/// any country, unless a record merged from another source supplies them
/// (see ``WorkMerger``).
public struct LensCSVReader: WorkReader {
    public var format: SourceFormat { .lensCSV }

    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        try CSVWorkReading.read(path: path, format: format, log: &log, idColumn: "Lens ID", preambleRows: 0,
                                isHeader: { $0.column("Lens ID") != nil },
                                makeWork: Self.makeWork, body)
    }

    static func makeWork(_ fields: [String], _ columns: ColumnMap, warn: (String, String) -> Void) -> Work {
        var work = Work(source: .lensCSV)
        work.sourceID = columns.value("Lens ID", in: fields)
        if let d = columns.value("DOI", in: fields) {
            work.doi = DOI.normalize(d)
            if work.doi == nil { warn("DOI", "\"\(d)\" is not a DOI") }
        }
        if let y = columns.value("Publication Year", in: fields) ?? columns.value("Date Published", in: fields) {
            work.year = YearParser.year(from: y)
            if work.year == nil { warn("Publication Year", YearParser.whyNotAYear(y)) }
        }
        work.documentType = columns.value("Publication Type", in: fields)
        work.title = columns.value("Title", in: fields)
        work.authors = (columns.value("Author/s", in: fields).map { FieldText.split($0, on: ";") } ?? []).map { Author(name: $0) }
        return work
    }
}
