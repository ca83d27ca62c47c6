import ArgumentParser
import Foundation
import RareShare

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Regenerate the paper's tables and share-over-time figures from aggregate tables.",
        discussion: """
        --tables is a folder in the paper's raw/ layout (Country_weighted_*.tsv, \
        Absolute_collab_*.tsv, composition tables) with the yearly totals in the \
        layout of Figure2a.tsv beside them: the folder `rareshare analyze` writes, \
        or the paper's raw/ folder (its processed/Figure2a.tsv is found beside it).

          rareshare figures --tables results/ --out figures/
          rareshare figures --tables results/ --out figures/ \\
                            --countries CN,US,DE,JP --years 2000-2022

        The output folder receives one TSV and one SVG per regenerated table \
        (Figure1a.tsv, Figure1a.svg, …), TopCountries_*.tsv and \
        TopCollaborations_*.tsv (average rank), not_derived.tsv (the paper's \
        tables that cannot be made from these inputs, and why), summary.txt, and \
        report.html (self-contained: figures inline, tables, data quality, method). \
        The summary is also printed on stdout.
        """
    )

    @Option(help: ArgumentHelp("Folder of aggregate tables (paper's raw/ layout plus Figure2a.tsv).", valueName: "dir"))
    var tables: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the figures, tables and report into.", valueName: "dir"))
    var out: String = "rareshare-figures"

    @Option(help: ArgumentHelp("Countries of the share charts, e.g. CN,US,DE (default: the paper's per figure).", valueName: "codes"))
    var countries: String?

    @Option(help: ArgumentHelp("Collaboration sets of the collaboration charts, e.g. CN-US,DE-FR (default: the paper's per figure).", valueName: "sets"))
    var sets: String?

    @Option(help: ArgumentHelp("Regions to draw: all, organic, organometallic, rare-earth (default: every region in the tables).", valueName: "list"))
    var regions: String?

    @Option(help: ArgumentHelp("Years shown, e.g. 1996-2022 (default: every year of the totals).", valueName: "from-to"))
    var years: String?

    @Option(help: ArgumentHelp("Length of the top-country and top-collaboration lists.", valueName: "n"))
    var top: Int = 10

    @Option(help: ArgumentHelp("The two countries emphasised, compared and given solo ratios.", valueName: "c,d"))
    var focus: String = "CN,US"

    @OptionGroup var common: CommonOptions

    func validate() throws {
        try CommandInputs.checkOutputFolder(out, option: "--out")
        _ = try makeOptions()
    }

    /// Turns the flags into ``FigureOptions``; a bad value is a usage error.
    func makeOptions() throws -> FigureOptions {
        var options = FigureOptions()
        func list(_ text: String) -> [String] { text.split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty } }
        if let countries {
            options.countries = try list(countries).map { item in
                guard let c = CountryLabels.code(named: item) else { throw ValidationError("--countries: '\(item)' is not a country code.") }
                return c
            }
        }
        if let sets {
            options.sets = try list(sets).map { item in
                let codes = item.split(separator: "-").compactMap { CountryLabels.code(named: String($0)) }
                guard codes.count >= 2, codes.count == item.split(separator: "-").count else {
                    throw ValidationError("--sets: '\(item)' is not two or more country codes joined by '-', such as CN-US.")
                }
                return CountrySet(codes)
            }
        }
        if let regions {
            options.regions = try list(regions).map { item in
                guard let r = Region.allCases.first(where: { $0.description == item }) else {
                    throw ValidationError("--regions: unknown region '\(item)'; known: \(Region.allCases.map(\.description).joined(separator: ", ")).")
                }
                return r
            }
        }
        if let years {
            let parts = years.split(separator: "-").map { Int($0.trimmingSpaces) }
            guard (1...2).contains(parts.count), let lo = parts.first ?? nil, let hi = parts.last ?? nil, lo <= hi else {
                throw ValidationError("--years must be a year or a range such as 1996-2022, not '\(years)'.")
            }
            options.years = lo...hi
        }
        guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
        options.topCount = top
        let focusCodes = list(focus).compactMap { CountryLabels.code(named: $0) }
        guard focusCodes.count == 2, focusCodes[0] != focusCodes[1] else {
            throw ValidationError("--focus must name two different countries, such as CN,US.")
        }
        options.focus = focusCodes
        return options
    }

    func run() throws {
        let run: FigureRun
        run = try CommandInputs.reporting { try FigureReport.generate(tablesFolder: tables, outputFolder: out, options: try makeOptions()) }
        if common.strict, !run.ignoredRows.isEmpty {
            Terminal.error("\(run.ignoredRows.count) table rows could not be used (first: \(run.ignoredRows[0])); see report.html")
            throw ExitCode(65)
        }
        if !common.quiet {
            print(run.summary, terminator: "")
            Terminal.note("\(run.tables.count) tables and figures written to \(out)/ (report.html); \(run.underived.count) of the paper's tables not derivable, listed in not_derived.tsv")
        }
    }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: String {
        String(self).trimmingCharacters(in: .whitespaces)
    }
}
