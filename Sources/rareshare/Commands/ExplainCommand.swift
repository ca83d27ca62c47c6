import ArgumentParser
import Foundation
import RareShare

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one unit was counted: first report, record, authors, countries and weights.",
        discussion: """
        Takes analyze's input and counting options and one unit:

          rareshare explain --substance 1001 --substances reaxys/substances/ \\
                            --citations reaxys/citations/ --works openalex/
          rareshare explain --doi 10.1000/a1 --works openalex/ --preset leiden

        It prints the substance's first report (citation and year), the DOI, the \
        bibliographic record kept for it and its file, every author with each \
        affiliation, the evidence for its country and whether it counts (*), and \
        the unit's weight per country under the chosen rules. With no inputs, the \
        bundled demonstration exports are used.
        """
    )

    @OptionGroup var inputs: InputOptions

    @OptionGroup(title: "Counting rules") var rules: CountingRuleOptions

    @Option(help: ArgumentHelp("Counting method of the weights shown (default: author-fractional).", valueName: "method"))
    var counting: String?

    @Option(help: ArgumentHelp("The publication to explain.", valueName: "DOI"))
    var doi: String?

    @Option(help: ArgumentHelp("The substance to explain, by Reaxys registry number (needs --substances and --citations, or no inputs).", valueName: "XRN"))
    var substance: String?

    func validate() throws {
        guard (doi == nil) != (substance == nil) else { throw ValidationError("name one unit: --doi DOI or --substance XRN.") }
        if let counting, CountingMethod(rawValue: counting) == nil {
            throw ValidationError("unknown --counting method '\(counting)'; known: \(CountingMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !inputs.isEmpty {
            if inputs.works.isEmpty { throw ValidationError("--works is required: bibliographic records carry the authors' affiliations.") }
            if substance != nil && (inputs.substances.isEmpty || inputs.citations.isEmpty) {
                throw ValidationError("--substance needs --substances and --citations.")
            }
        }
    }

    func run() throws {
        var options = AnalysisOptions()
        var substances = inputs.substances, citations = inputs.citations, works = inputs.works
        if inputs.isEmpty {
            guard let demo = DemoFixtures.folder else {
                Terminal.error("no inputs named and the demonstration exports were not found beside this binary; name --works (and --substances with --citations)")
                throw ExitCode(66)
            }
            (substances, citations, works) = ([demo + "/substances"], [demo + "/citations"], [demo + "/works"])
            Terminal.note("no inputs named: using the bundled demonstration exports in \(demo)")
        }
        let expanded = try CommandInputs.expand([substances, citations, works], skipped: &options.inputProblems)
        (options.substanceFiles, options.citationFiles, options.workFiles) = (expanded[0], expanded[1], expanded[2])
        options.workFormat = inputs.workFormat
        options.rules = rules.rules(affiliations: inputs.affiliationPolicy)
        if let method = counting.flatMap(CountingMethod.init(rawValue:)) { options.rules.method = method }
        if let resolver = try CommandInputs.resolver(overrides: inputs.overrides) { options.resolver = resolver }
        let target: UnitExplainer.Target = doi.map { .doi($0) } ?? .substance(substance ?? "")
        do {
            print(try UnitExplainer(options: options).explain(target), terminator: "")
        } catch let error as InputError {
            Terminal.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
