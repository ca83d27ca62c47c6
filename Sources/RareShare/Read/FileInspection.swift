/// What `rareshare inspect` says about one file: its detected format, how
/// many records were read and usable, the years covered, how many authors
/// carry affiliations, and the problems found.
///
/// Built by reading the whole file once with the reader its content calls
/// for, so the numbers are those an analysis of that file would see.
public struct FileInspection: Sendable {
    public var file: String
    public var format: SourceFormat
    public var statistics: ReadStatistics
    public var authors = 0
    public var authorsWithAffiliation = 0
    public var authorsWithCountryCode = 0
    public var worksWithDOI = 0
    public var problems: [Problem] = []
    public var problemCount = 0

    public var authorsWithoutAffiliation: Int { authors - authorsWithAffiliation }

    /// Reads `path` (format detected from its content unless `override` is
    /// given), handing each usable record to `onWork` as well (the inspect
    /// command feeds a ``WorkMerger`` with them to report duplicates).
    /// - Throws: ``InputError`` when the file is missing, unreadable or of an unknown format.
    public static func inspect(path: String, override: SourceFormat? = nil,
                               onWork: (Work) -> Void = { _ in }) throws -> FileInspection {
        let format = try InputFile.examine(path, format: override).format
        guard let reader = FormatDetector.workReader(for: format) else {
            return try inspectReaxys(path: path, format: format)
        }
        var log = ProblemLog(maximumListed: 1000)
        var inspection = FileInspection(file: path, format: reader.format,
                                        statistics: ReadStatistics(file: path, format: reader.format))
        inspection.statistics = try reader.read(path: path, log: &log) { work in
            onWork(work)
            if work.doi != nil { inspection.worksWithDOI += 1 }
            for a in work.authors {
                inspection.authors += 1
                if a.affiliations.contains(where: { $0.raw != nil || $0.countryCode != nil || $0.institutionID != nil }) {
                    inspection.authorsWithAffiliation += 1
                }
                if a.affiliations.contains(where: { $0.countryCode != nil }) { inspection.authorsWithCountryCode += 1 }
            }
        }
        inspection.problems = log.problems
        inspection.problemCount = log.total
        return inspection
    }

    /// Reaxys exports carry no affiliations: their inspection counts records
    /// and years only (a substance's years are those of its reports).
    static func inspectReaxys(path: String, format: SourceFormat) throws -> FileInspection {
        var log = ProblemLog(maximumListed: 1000)
        var inspection = FileInspection(file: path, format: format, statistics: ReadStatistics(file: path, format: format))
        if format == .reaxysSubstances {
            inspection.statistics = try ReaxysSubstanceReader().read(path: path, log: &log) { _ in }
        } else {
            inspection.statistics = try ReaxysCitationReader().read(path: path, log: &log) { citation in
                if citation.doi != nil { inspection.worksWithDOI += 1 }
            }
        }
        inspection.problems = log.problems
        inspection.problemCount = log.total
        return inspection
    }

    /// The years covered, `"1996-2022"`, or `"-"` when no record has a year.
    public var yearRange: String {
        guard let lo = statistics.minimumYear, let hi = statistics.maximumYear else { return "-" }
        return lo == hi ? "\(lo)" : "\(lo)-\(hi)"
    }

    /// A few lines for people.
    public var text: String {
        let s = statistics
        var out = "\(file)\n"
        out += "  format:   \(format.rawValue)\n"
        out += "  records:  \(s.recordsUsed) usable of \(s.recordsRead) read, \(s.recordsSkipped) skipped\n"
        out += "  years:    \(yearRange)\n"
        if format != .reaxysSubstances { out += "  DOIs:     \(worksWithDOI) of \(s.recordsUsed) records\n" }
        if format != .reaxysSubstances && format != .reaxysCitations {
            out += "  authors:  \(authors) (\(authorsWithAffiliation) with affiliations, \(authorsWithoutAffiliation) without"
            out += authorsWithCountryCode > 0 ? ", \(authorsWithCountryCode) with a country code from the source)\n" : ")\n"
        }
        out += "  problems: \(problemCount)\n"
        for p in problems.prefix(20) { out += "    \(p.severity.rawValue): \(p.description)\n" }
        if problemCount > 20 { out += "    … and \(problemCount - 20) more\n" }
        return out
    }

    /// One JSON object on one line, keys in a fixed order, for scripts:
    /// `file`, `format`, `records` (usable), `read`, `skipped`, `problems`
    /// (count), then years, DOIs, authors and the first problems listed.
    public var json: String {
        let s = statistics
        var fields: [(String, String)] = [
            ("file", JSONText.quote(file)),
            ("format", JSONText.quote(format.rawValue)),
            ("records", "\(s.recordsUsed)"),
            ("read", "\(s.recordsRead)"),
            ("skipped", "\(s.recordsSkipped)"),
            ("problems", "\(problemCount)"),
            ("first_year", s.minimumYear.map { "\($0)" } ?? "null"),
            ("last_year", s.maximumYear.map { "\($0)" } ?? "null"),
            ("with_doi", "\(worksWithDOI)"),
            ("authors", "\(authors)"),
            ("authors_with_affiliation", "\(authorsWithAffiliation)"),
            ("authors_without_affiliation", "\(authorsWithoutAffiliation)"),
            ("authors_with_country_code", "\(authorsWithCountryCode)"),
        ]
        let listed = problems.prefix(100).map { p in
            "{\"severity\":\(JSONText.quote(p.severity.rawValue)),\"message\":\(JSONText.quote(p.description))}"
        }
        fields.append(("problem_list", "[" + listed.joined(separator: ",") + "]"))
        return "{" + fields.map { "\(JSONText.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The JSON line for a file that could not be read at all.
    public static func failureJSON(file: String, error: InputError) -> String {
        "{\"file\":\(JSONText.quote(file)),\"format\":null,\"records\":0,\"read\":0,\"skipped\":0,\"problems\":1,"
            + "\"error\":\(JSONText.quote(error.description))}"
    }
}
