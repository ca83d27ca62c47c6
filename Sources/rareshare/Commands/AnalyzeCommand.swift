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

    @Option(name: .customLong("format"), help: ArgumentHelp("Force the format of the --works files instead of detecting it (\(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "format"))
    var format: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the tables into.", valueName: "dir"))
    var out: String = "rareshare-out"

    @Option(help: ArgumentHelp("Which affiliations of an author count: first (the paper's choice) or all (split equally among the author's countries).", valueName: "first|all"))
    var affiliations: String = "first"

    @Option(name: .customLong("pair"), parsing: .singleValue,
            help: ArgumentHelp("A 'country without country' share to compute, e.g. CN-US (repeatable; default CN-US and US-CN).", valueName: "C-D"))
    var pairs: [String] = []

    @Option(help: ArgumentHelp("Worker threads for aggregation (results are identical for any number).", valueName: "n"))
    var threads: Int = AnalysisOptions.availableCores

    @Flag(help: "Also regenerate the paper's figures, tables and HTML report into <out>/figures (see `rareshare figures`).")
    var figures = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if AffiliationPolicy(rawValue: affiliations) == nil {
            throw ValidationError("--affiliations must be 'first' or 'all', not '\(affiliations)'.")
        }
        if let format, SourceFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)'; known: \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        for p in pairs where CountryPair(p) == nil {
            throw ValidationError("--pair '\(p)' is not two different country codes such as CN-US.")
        }
        if threads < 1 { throw ValidationError("--threads must be at least 1.") }
        if !substances.isEmpty && citations.isEmpty {
            throw ValidationError("--substances needs --citations: substance records name citation ids, and only the citation export holds their DOIs.")
        }
        if !substances.isEmpty || !citations.isEmpty || !works.isEmpty, works.isEmpty {
            throw ValidationError("--works is required: bibliographic records carry the authors' affiliations.")
        }
    }

    func run() async throws {
        var options = AnalysisOptions()
        var substances = self.substances, citations = self.citations, works = self.works
        if substances.isEmpty && citations.isEmpty && works.isEmpty {
            let demo = DemoFixtures.folder
            substances = [demo + "/substances"]
            citations = [demo + "/citations"]
            works = [demo + "/works"]
            if !common.quiet { Terminal.note("No inputs named: using the bundled demonstration exports in \(demo)") }
        }
        do {
            options.substanceFiles = try InputFiles.expand(substances)
            options.citationFiles = try InputFiles.expand(citations)
            options.workFiles = try InputFiles.expand(works)
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
        options.workFormat = format.flatMap(SourceFormat.init(rawValue:))
        options.affiliations = AffiliationPolicy(rawValue: affiliations) ?? .first
        if !pairs.isEmpty { options.pairs = pairs.compactMap(CountryPair.init) }
        options.strict = common.strict
        options.threads = threads

        let showProgress = !common.quiet && Terminal.stderrIsTerminal
        let result: AnalysisResult
        do {
            var progress: (@Sendable (ProgressEvent) -> Void)?
            if showProgress { progress = { @Sendable event in Terminal.progress(event) } }
            result = try await AnalysisPipeline(options: options).run(progress: progress)
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
        if showProgress { Terminal.clearProgress() }
        try AnalysisReportWriter(folder: out).write(result)
        var figureSummary: String?
        if figures {
            do {
                figureSummary = try FigureReport.generate(tablesFolder: out, outputFolder: out + "/figures").summary
            } catch let error as InputError {
                Terminal.error(error.description)
                throw ExitCode(error.exitCode)
            }
        }
        if !common.quiet {
            print(TerminalSummary(result: result).text, terminator: "")
            print("")
            print(QualityReport(result: result).text, terminator: "")
            if let figureSummary { print("\n" + figureSummary, terminator: "") }
            print("\nTables written to \(out)/" + (figures ? " (figures and report.html in \(out)/figures/)" : ""))
        }
    }
}
