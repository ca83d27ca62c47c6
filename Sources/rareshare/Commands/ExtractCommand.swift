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

    @OptionGroup var inputs: InputOptions

    @Option(help: ArgumentHelp("Counting preset whose affiliation rule the rows follow (study and nsf: first affiliation; leiden and nature-index: all); --affiliations wins over it. The other rules apply where the rows are summed.", valueName: "name"))
    var preset: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the rows into.", valueName: "dir"))
    var out: String

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
        try CommandInputs.checkOutputFolder(out, option: "--out")
        if !citedBy.isEmpty && inputs.works.isEmpty {
            throw ValidationError("--cited-by filters --works; name the works files to extract.")
        }
        if inputs.isEmpty {
            throw ValidationError("name at least one input: --substances, --citations or --works.")
        }
        if fileOrderStart < 0 { throw ValidationError("--file-order-start must be 0 or more.") }
        if let preset, CountingPreset(rawValue: preset) == nil {
            throw ValidationError("unknown --preset '\(preset)'; known: \(CountingPreset.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        var options = ExtractOptions()
        var skipped: [Problem] = []
        let expanded = try CommandInputs.expand([inputs.substances, inputs.citations, inputs.works, citedBy], skipped: &skipped)
        (options.substanceFiles, options.citationFiles, options.workFiles, options.citedBy) = (expanded[0], expanded[1], expanded[2], expanded[3])
        options.workFormat = inputs.workFormat
        options.affiliations = inputs.affiliationPolicy ?? preset.flatMap(CountingPreset.init(rawValue:))?.rules.affiliations ?? .first
        options.plausibleYears = inputs.plausibleYears
        if let resolver = try CommandInputs.resolver(overrides: inputs.overrides) { options.resolver = resolver }
        options.strict = common.strict
        options.compress = gzip
        options.firstFileOrder = fileOrderStart
        let output = try CommandInputs.stage(out)
        output.keepsPreviousFiles = true   // rows of several runs gather in one folder
        options.folder = output.staging

        let summary = try CommandInputs.reporting(staged: output) {
            defer { output.abandon() }
            let summary = try RowExtractor(options: options).run { file in
                if !common.quiet && Terminal.stderrIsTerminal {
                    Terminal.note("\(file.kind.rawValue): \(file.statistics.file) → \(file.rows) rows")
                }
            }
            try output.commit()
            return summary
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
