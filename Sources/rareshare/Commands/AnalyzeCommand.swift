import ArgumentParser
import Foundation
import RareShare

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute each country's share of new substances (or publications) per year.",
        discussion: """
        Inputs may be files, folders or glob patterns, and each option may be \
        repeated: Reaxys caps the size of one export, so downloads come in batches.

          rareshare analyze --substances 'reaxys/substances-*.xml' \\
                            --citations reaxys/citations/ \\
                            --works openalex/works.jsonl.gz --out results/

        Without --substances the unit is the publication (bibliographic records only):

          rareshare analyze --works openalex/ --out results/

        With no inputs at all, the bundled demonstration exports (Fixtures/demo) are used.

        The output folder receives the paper's raw tables (Country_weighted_*.tsv, \
        Absolute_collab_*.tsv, Figure2a.tsv, composition tables), Coverage.tsv, \
        every measure in measures.csv and measures.json, and the data-quality files \
        (quality.txt, files.tsv, problems.tsv, unresolved_affiliations.tsv). \
        With --figures, the paper's figures, their tables and a self-contained \
        report.html also go to <out>/figures/.

        Counting methods, collaboration networks and country production:

          rareshare analyze --works openalex/ --out results/ \\
                            --counting author-fractional,full,corresponding-author \\
                            --network --network-years 1996-2009,2010-2022 \\
                            --production --top 10

        Methods other than author-fractional write their files with the method \
        in the name (Country_weighted_allSubs.full.tsv); Counting_comparison_*.tsv \
        puts a country's share under every method side by side and \
        Counting_methods.tsv says for how many units each method knew a country.
        """,
        aliases: ["analyse"]
    )

    @OptionGroup var inputs: InputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the tables into.", valueName: "dir"))
    var out: String = "rareshare-out"

    @Option(name: .customLong("pair"), parsing: .singleValue,
            help: ArgumentHelp("A 'country without country' share to compute, e.g. CN-US (repeatable; default CN-US and US-CN).", valueName: "C-D"))
    var pairs: [String] = []

    @Option(help: ArgumentHelp("Counting methods, comma-separated: \(CountingMethod.allCases.map(\.rawValue).joined(separator: ", ")), or all (author-fractional is the paper's).", valueName: "method[,method…]"))
    var counting: String = CountingMethod.paper.rawValue

    @Flag(help: "Write the country collaboration network (VOSviewer map and network files, GraphML, edge list, matrix).")
    var network = false

    @Option(name: .customLong("network-years"), help: ArgumentHelp("Year ranges of the network and production tables, comma-separated, e.g. 1996-2009,2010-2022 (default: the whole span).", valueName: "from-to[,…]"))
    var networkYears: String?

    @Flag(help: "Write bibliometrix-style single- and multiple-country publication counts (SCP, MCP, MCP ratio) per country.")
    var production = false

    @Option(help: ArgumentHelp("Write the top countries and top collaborations by average yearly rank, this many each.", valueName: "n"))
    var top: Int?

    @Option(name: .customLong("rank-years"), help: ArgumentHelp("Years averaged for --top, e.g. 2010-2022 (default: the whole span).", valueName: "from-to"))
    var rankYears: String?

    @Option(help: ArgumentHelp("Worker threads for parsing, attribution and aggregation; default: all cores. Results are identical for any number.", valueName: "n"))
    var threads: Int?

    @Flag(help: "Also regenerate the paper's figures, tables and HTML report into <out>/figures (see `rareshare figures`).")
    var figures = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        try CommandInputs.checkOutputFolder(out, option: "--out")
        for p in pairs where CountryPair(p) == nil {
            throw ValidationError("--pair '\(p)' is not two different country codes such as CN-US.")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
        if case .failure(let bad) = CountingMethod.parseList(counting) {
            throw ValidationError("unknown --counting method '\(bad.word)'; known: \(CountingMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let networkYears, Self.ranges(networkYears) == nil {
            throw ValidationError("--network-years '\(networkYears)' is not a list of year ranges such as 1996-2009,2010-2022.")
        }
        if let rankYears, YearRange(rankYears) == nil {
            throw ValidationError("--rank-years '\(rankYears)' is not a year range such as 2010-2022.")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
        if !inputs.substances.isEmpty && inputs.citations.isEmpty {
            throw ValidationError("--substances needs --citations: substance records name citation ids, and only the citation export holds their DOIs.")
        }
        if !inputs.isEmpty, inputs.works.isEmpty {
            throw ValidationError("--works is required: bibliographic records carry the authors' affiliations.")
        }
    }

    func run() async throws {
        let started = Date()
        var options = AnalysisOptions()
        var substances = inputs.substances, citations = inputs.citations, works = inputs.works
        if substances.isEmpty && citations.isEmpty && works.isEmpty {
            guard let demo = DemoFixtures.folder else {
                Terminal.error("no inputs named and the demonstration exports were not found beside this binary; name --works (and --substances with --citations), or set RARESHARE_FIXTURES")
                throw ExitCode(66)
            }
            (substances, citations, works) = ([demo + "/substances"], [demo + "/citations"], [demo + "/works"])
            // Even with -q: tables of made-up data must never pass for a real run.
            Terminal.note("no inputs named: using the bundled demonstration exports in \(demo)")
        }
        let expanded = try CommandInputs.expand([substances, citations, works], skipped: &options.inputProblems)
        (options.substanceFiles, options.citationFiles, options.workFiles) = (expanded[0], expanded[1], expanded[2])
        options.workFormat = inputs.workFormat
        options.affiliations = inputs.affiliationPolicy
        options.plausibleYears = inputs.plausibleYears
        if let resolver = try CommandInputs.resolver(overrides: inputs.overrides) { options.resolver = resolver }
        if !pairs.isEmpty { options.pairs = pairs.compactMap(CountryPair.init) }
        options.strict = common.strict
        options.threads = threads ?? AnalysisOptions.availableCores
        if case .success(let methods) = CountingMethod.parseList(counting) { options.countingMethods = methods }
        options.collaborationNetwork = network
        options.countryProduction = production

        let output = try CommandInputs.stage(out)
        defer { output.abandon() }
        let files = options.substanceFiles.map { ("substances", $0) } + options.citationFiles.map { ("citations", $0) }
            + options.workFiles.map { ("works", $0) }
        async let digests = RunRecord.inputs(files)
        let result = try await analyse(options, output: output)
        var record = RunRecord(commandLine: CommandLine.arguments, options: recordedOptions(options), inputs: try await digests,
                               started: started, finished: Date(), unit: result.unit.rawValue)
        record.count(result.quality.files)
        var writer = AnalysisReportWriter(folder: output.staging)
        writer.counting = CountingComparison.Settings(top: top, rankYears: rankYears.flatMap(YearRange.init),
                                                      ranges: networkYears.flatMap(Self.ranges) ?? [])
        writer.record = record
        let figureRun: FigureRun? = try CommandInputs.reporting(staged: output) {
            try writer.write(result)
            let figureRun = figures ? try FigureReport.generate(tablesFolder: output.staging, outputFolder: output.staging + "/figures") : nil
            try output.commit()
            return figureRun
        }
        let warnings = RunWarnings.of(result)
        if !common.quiet {
            print(RunSummary(result: result).text, terminator: "")
            print("")
            print(QualityReport(result: result).text, terminator: "")
            let counted = CountingComparison.summary(result)
            if !counted.isEmpty { print("\n" + counted, terminator: "") }
            if let figureRun {
                print("\nFigures: \(figureRun.tables.count) tables and figures in \(out)/figures/ (report.html); \(figureRun.underived.count) of the paper's tables not derivable (not_derived.tsv)")
            }
            print("\nTables written to \(out)/ (run record: run.json)")
        }
        for w in warnings { Terminal.warning(w) }
        if common.strict, !warnings.isEmpty { throw ExitCode(65) }
    }

    /// Runs the pipeline with a progress line on a terminal, cleared at the end, also on failure.
    private func analyse(_ options: AnalysisOptions, output: OutputFolder) async throws -> AnalysisResult {
        let showProgress = !common.quiet && Terminal.stderrIsTerminal
        var progress: (@Sendable (ProgressEvent) -> Void)?
        if showProgress {
            let display = ProgressDisplay(files: options.substanceFiles + options.citationFiles + options.workFiles)
            progress = { @Sendable event in display.update(event) }
        }
        defer { if showProgress { Terminal.clearProgress() } }
        return try await CommandInputs.reporting(staged: output) { try await AnalysisPipeline(options: options).run(progress: progress) }
    }

    /// Every option of the run with the value used, defaults included.
    private func recordedOptions(_ o: AnalysisOptions) -> [(name: String, value: String)] {
        [("substances", inputs.substances.joined(separator: " ")), ("citations", inputs.citations.joined(separator: " ")),
         ("works", inputs.works.joined(separator: " ")), ("format", inputs.format ?? "detected"),
         ("affiliations", o.affiliations.rawValue), ("overrides", inputs.overrides ?? ""),
         ("out", out), ("pair", o.pairs.map { "\($0.country)-\($0.excluded)" }.joined(separator: ",")),
         ("counting", o.countingMethods.map(\.rawValue).joined(separator: ",")), ("network", String(network)),
         ("network-years", networkYears ?? "whole span"), ("production", String(production)),
         ("top", top.map(String.init) ?? ""), ("rank-years", rankYears ?? "whole span"),
         ("threads", String(o.threads)), ("figures", String(figures)),
         ("quiet", String(common.quiet)), ("strict", String(common.strict))]
    }

    /// `1996-2009,2010-2022` → ranges; `nil` when any part is not a range.
    static func ranges(_ text: String) -> [YearRange]? {
        var out: [YearRange] = []
        for part in text.split(separator: ",") {
            guard let r = YearRange(part) else { return nil }
            out.append(r)
        }
        return out.isEmpty ? nil : out
    }
}
