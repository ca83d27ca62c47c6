import ArgumentParser
import RareShare

/// The input options `analyze` and `extract` share: which exports to read,
/// how to read the bibliographic ones, and how to attribute authors.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("substances"), parsing: .upToNextOption,
            help: ArgumentHelp("Reaxys substance exports (XML).", valueName: "path"))
    var substances: [String] = []

    @Option(name: .customLong("citations"), parsing: .upToNextOption,
            help: ArgumentHelp("Reaxys citation exports (XML).", valueName: "path"))
    var citations: [String] = []

    @Option(name: .customLong("works"), parsing: .upToNextOption,
            help: ArgumentHelp("Bibliographic records with affiliations: Web of Science, Scopus, PubMed/MEDLINE, OpenAlex, Crossref, Dimensions or Lens exports, detected from their content, gzip or not.", valueName: "path"))
    var works: [String] = []

    @Option(name: .customLong("format"), help: ArgumentHelp("Force the format of the --works files instead of detecting it (\(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Which affiliations of an author count: first (the paper's choice) or all (split equally among the author's countries).", valueName: "first|all"))
    var affiliations: String = "first"

    @Option(help: ArgumentHelp("Affiliation overrides (TSV 'pattern<TAB>code' or YAML 'pattern: code'; see 'rareshare resolve --help') that win over the built-in rules.", valueName: "file"))
    var overrides: String?

    @Option(name: .customLong("years-plausible"),
            help: ArgumentHelp("Publication years taken as years (default: 1600-2100). A year outside them (0, -5, 9999, an overflowed number) is listed as a problem and the record is used without a year.", valueName: "from-to"))
    var yearsPlausible: YearRange?

    func validate() throws {
        if let yearsPlausible, yearsPlausible.first < 1 || yearsPlausible.last > 9999 {
            throw ValidationError("--years-plausible must lie within 1-9999, not \(yearsPlausible).")
        }
        if AffiliationPolicy(rawValue: affiliations) == nil {
            throw ValidationError("--affiliations must be 'first' or 'all', not '\(affiliations)'.")
        }
        if let format, SourceFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)'; known: \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    var isEmpty: Bool { substances.isEmpty && citations.isEmpty && works.isEmpty }
    var workFormat: SourceFormat? { format.flatMap(SourceFormat.init(rawValue:)) }
    var affiliationPolicy: AffiliationPolicy { AffiliationPolicy(rawValue: affiliations) ?? .first }
    var plausibleYears: ClosedRange<Int> { yearsPlausible?.years ?? YearParser.defaultPlausible }
}
