/// Streams Dimensions publication exports (CSV).
///
/// The file opens with a one-cell "About the data: Exported on …" row above
/// the header row; either may come first, and up to three rows are searched
/// for the header. Per record: `DOI`, `Publication ID` (source id), `PubYear`,
/// `Publication Type`, `Title`; authors from `Authors` (`Surname, Given; …`)
/// with affiliations from `Authors (Raw Affiliation)` (else `Authors
/// Affiliations`), written `Surname, Given (affiliation; affiliation); …`;
/// the corresponding author from `Corresponding Author`.
///
/// Dimensions resolves organizations and their countries, but lists them for
/// the whole record (`Research Organizations - standardized`, `GRID IDs`,
/// `Country of Research organization`, in parallel), not per author. An
/// affiliation that names one of those organizations gets that
/// organization's country code and GRID id; the others keep only their text.
public struct DimensionsCSVReader: WorkReader {
    public var format: SourceFormat { .dimensionsCSV }

    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let countries = CountryNameResolver()
        return try CSVWorkReading.read(path: path, format: format, log: &log, idColumn: "Publication ID", preambleRows: 2,
                                       isHeader: { $0.column("Publication ID") != nil || ($0.column("DOI") != nil && $0.column("Authors") != nil) },
                                       makeWork: { fields, columns, warn in
                                           Self.makeWork(fields, columns, countries: countries, warn: warn)
                                       }, body)
    }

    static func makeWork(_ fields: [String], _ columns: ColumnMap, countries: CountryNameResolver,
                         warn: (String, String) -> Void) -> Work {
        var work = Work(source: .dimensionsCSV)
        work.sourceID = columns.value("Publication ID", in: fields)
        if let d = columns.value("DOI", in: fields) {
            work.doi = DOI.normalize(d)
            if work.doi == nil { warn("DOI", "\"\(d)\" is not a DOI") }
        }
        if let y = columns.value("PubYear", in: fields) ?? columns.value("Publication Year", in: fields) {
            work.year = YearParser.year(from: y)
            if work.year == nil { warn("PubYear", YearParser.whyNotAYear(y)) }
        }
        work.documentType = columns.value("Publication Type", in: fields)
        work.title = columns.value("Title", in: fields)

        let names = columns.value("Authors", in: fields).map { FieldText.split($0, on: ";") } ?? []
        var authors = names.map { Author(name: $0) }
        let forms = names.map { [$0] }

        let organizations = columns.value("Research Organizations - standardized", in: fields).map { FieldText.split($0, on: ";") } ?? []
        let grids = columns.value("GRID IDs", in: fields).map { FieldText.split($0, on: ";") } ?? []
        let orgCountries = columns.value("Country of Research organization", in: fields).map { FieldText.split($0, on: ";") } ?? []
        if !organizations.isEmpty && orgCountries.count != organizations.count {
            warn("Country of Research organization", "\(orgCountries.count) countries for \(organizations.count) organizations; countries not used")
        }

        let affiliationColumn = columns.value("Authors (Raw Affiliation)", in: fields) != nil ? "Authors (Raw Affiliation)" : "Authors Affiliations"
        if let text = columns.value(affiliationColumn, in: fields) {
            for entry in FieldText.splitOutsideBrackets(text) {
                guard let open = entry.firstIndex(of: "("), entry.hasSuffix(")") else { continue }
                let name = entry[..<open].trimmingSpaces
                let inside = entry[entry.index(after: open)..<entry.index(before: entry.endIndex)]
                guard let i = FieldText.matchAuthor(name, in: forms) else {
                    warn(affiliationColumn, "\"\(name)\" matches no name in Authors")
                    continue
                }
                for raw in FieldText.splitOutsideBrackets(inside) {
                    var affiliation = Affiliation(raw: raw)
                    let lower = raw.lowercased()
                    if let k = organizations.indices.first(where: { lower.contains(organizations[$0].lowercased()) }) {
                        if orgCountries.count == organizations.count {
                            affiliation.countryCode = countries.resolve(orgCountries[k]).country
                        }
                        if grids.count == organizations.count { affiliation.institutionID = grids[k] }
                    }
                    authors[i].affiliations.append(affiliation)
                }
            }
        }
        if let corresponding = columns.value("Corresponding Author", in: fields), !authors.isEmpty {
            for i in authors.indices { authors[i].isCorresponding = false }
            for name in FieldText.split(corresponding, on: ";") {
                if let i = FieldText.matchAuthor(name, in: forms) { authors[i].isCorresponding = true }
            }
        }
        work.authors = authors
        return work
    }
}
