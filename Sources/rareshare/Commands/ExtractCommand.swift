import ArgumentParser
import Foundation
import RareShare

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write normalized, attributed rows per input file, for Apache Spark to join and sum.",
        discussion: """
        Takes the same inputs as analyze but writes no tables: every input file \
        becomes one JSON Lines file of rows under --out (substances/, citations/, \
        works/; schema in docs/EXTRACT_SCHEMA.md). Authors are attributed to \
        countries and formulas classified here, so the Spark side needs neither \
        gazetteer nor XML parser; Scripts/spark/rareshare_tables.py then computes \
        the tables analyze writes (docs/SPARK.md).

          rareshare extract --substances reaxys/substances/ \\
                            --citations reaxys/citations/ \\
                            --works openalex/ --out rows/

        Each file is extracted on its own, so a share of the files can be extracted \
        on each machine. Give each run the place of its first file in the whole \
        list of that kind, so that "first read wins" stays what one analyze run does:

          rareshare extract --works part-0003.jsonl.gz --file-order-start 3 --out rows/
        """
    )

    @Option(name: .customLong("substances"), parsing: .upToNextOption,
            help: ArgumentHelp("Reaxys substance exports (XML).", valueName: "path"))
    var substances: [String] = []

    @Option(name: .customLong("citations"), parsing: .upToNextOption,
            help: ArgumentHelp("Reaxys citation exports (XML).", valueName: "path"))
    var citations: [String] = []

    @Option(name: .customLong("works"), parsing: .upToNextOption,
            help: ArgumentHelp("Bibliographic records with affiliations (OpenAlex JSON / JSON Lines, gzip or not).", valueName: "path"))
    var works: [String] = []

    @Option(name: .customLong("format"), help: ArgumentHelp("Force the format of the --works files instead of detecting it.", valueName: "format"))
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the rows into.", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Which affiliations of an author count: first (the paper's choice) or all.", valueName: "first|all"))
    var affiliations: String = "first"

    @Option(help: ArgumentHelp("Affiliation overrides (as for analyze) that win over the built-in rules.", valueName: "file"))
    var overrides: String?

    @Flag(help: "Compress the rows (.jsonl.gz).")
    var gzip = false

    @Option(name: .customLong("cited-by"), parsing: .upToNextOption,
            help: ArgumentHelp("Write only works whose DOI one of these Reaxys citation exports names (read for their DOIs only; name them all).", valueName: "path"))
    var citedBy: [String] = []

    @Option(name: .customLong("file-order-start"),
            help: ArgumentHelp("Place of the first file of each kind in the whole run's file order.", valueName: "n"))
    var fileOrderStart: Int = 0

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if AffiliationPolicy(rawValue: affiliations) == nil {
            throw ValidationError("--affiliations must be 'first' or 'all', not '\(affiliations)'.")
        }
        if let format, SourceFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)'; known: \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !citedBy.isEmpty && works.isEmpty {
            throw ValidationError("--cited-by filters --works; name the works files to extract.")
        }
        if substances.isEmpty && citations.isEmpty && works.isEmpty {
            throw ValidationError("name at least one input: --substances, --citations or --works.")
        }
        if fileOrderStart < 0 { throw ValidationError("--file-order-start must be 0 or more.") }
    }

    func run() throws {
        var options = ExtractOptions()
        let expanded = try CommandInputs.expand([substances, citations, works, citedBy])
        (options.substanceFiles, options.citationFiles, options.workFiles, options.citedBy) = (expanded[0], expanded[1], expanded[2], expanded[3])
        options.workFormat = format.flatMap(SourceFormat.init(rawValue:))
        options.affiliations = AffiliationPolicy(rawValue: affiliations) ?? .first
        if let resolver = try CommandInputs.resolver(overrides: overrides) { options.resolver = resolver }
        options.strict = common.strict
        options.compress = gzip
        options.firstFileOrder = fileOrderStart
        options.folder = out

        let summary: ExtractSummary
        do {
            summary = try RowExtractor(options: options).run { file in
                if !common.quiet && Terminal.stderrIsTerminal {
                    Terminal.note("\(file.kind.rawValue): \(file.statistics.file) → \(file.rows) rows")
                }
            }
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
        if !common.quiet {
            for kind in RowKind.allCases {
                let files = summary.files.filter { $0.kind == kind }
                guard !files.isEmpty else { continue }
                let skipped = files.reduce(0) { $0 + $1.statistics.recordsSkipped }
                print("\(kind.rawValue): \(files.count) files, \(files.reduce(0) { $0 + $1.rows }) rows, \(skipped) records skipped")
            }
            if summary.authorsSeen > 0 {
                print("authors: \(summary.authorsSeen) seen, \(summary.authorsWithoutCountry) without a country")
            }
            if !summary.problems.isEmpty {
                print("problems: \(summary.problems.total) (first: \(summary.problems.first.map(\.description) ?? ""))")
            }
            print("Rows written to \(out)/")
        }
    }
}
