import ArgumentParser
import Foundation
import RareShare

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Show the country of affiliation strings and the evidence that decided it.",
        discussion: """
        Each string (or each line of standard input when none is given) is \
        resolved as 'analyze' would, and printed as CODE<TAB>evidence<TAB>string, \
        with '-' for an unresolved string and the reason as evidence. The \
        evidence ends with the id of the rule that decided, in brackets \
        ("country name \\"Japan\\" [country-name]"); --json gives it as "rule".

          rareshare resolve "Tohoku Univ, Sendai, Miyagi 9808578, Japan" "Boston, MA"
          cut -f2 out/unresolved_affiliations.tsv | rareshare resolve --json

        Evidence is read in this order: the --overrides file; a country name \
        (the last in the string); a state, province or postcode; a research \
        organization (ROR); a city (GeoNames); an e-mail country domain.
        """
    )

    @Argument(help: ArgumentHelp("Affiliation strings (default: one per line on standard input).", valueName: "affiliation"))
    var affiliations: [String] = []

    @Flag(help: "One JSON object per line: affiliation, country (null when unresolved), evidence.")
    var json = false

    @Option(help: ArgumentHelp("Overrides file (TSV 'pattern<TAB>code' or YAML 'pattern: code') that wins over the built-in rules.", valueName: "file"))
    var overrides: String?

    @Option(name: .customLong("affiliations"), help: ArgumentHelp("first: the string is one affiliation; all: split it on ';' and resolve each part.", valueName: "first|all"))
    var policy: String = "first"

    @Option(help: .hidden)
    var evaluate: String?

    @Option(help: .hidden)
    var list: Int = 20

    func validate() throws {
        if AffiliationPolicy(rawValue: policy) == nil {
            throw ValidationError("--affiliations must be 'first' or 'all', not '\(policy)'.")
        }
    }

    func run() throws {
        var rules: AffiliationOverrides?
        if let overrides {
            rules = try CommandInputs.reporting { try AffiliationOverrides.load(path: overrides) }
        }
        let resolver = EvidenceResolver(overrides: rules)
        resolver.prepare(threads: min(2, ProcessInfo.processInfo.activeProcessorCount))
        for missing in resolver.missingResources { Terminal.note("resource \(missing) not found: resolving without it") }
        if let evaluate {
            try runEvaluation(path: evaluate, resolver: resolver)
            return
        }
        var out = ResolutionLineWriter(format: json ? .json : .tsv)
        var seen: [String: CountryResolution] = [:]   // repeated lines are common in exported lists
        let splitAll = AffiliationPolicy(rawValue: policy) == .all
        func emit(_ line: String) {
            let parts = splitAll ? line.split(separator: ";").map { String($0.drop(while: { $0 == " " })) } : [line]
            for part in parts {
                if let known = seen[part] { out.write(part, known); continue }
                let answer = resolver.resolve(part)
                if seen.count < 100_000 { seen[part] = answer }
                out.write(part, answer)
            }
        }
        if affiliations.isEmpty {
            while let line = readLine(strippingNewline: true) { emit(line) }
        } else {
            for a in affiliations { emit(a) }
        }
        out.flush()
    }

    private func runEvaluation(path: String, resolver: EvidenceResolver) throws {
        let cases: [ResolverEvaluation.Case]
        cases = try CommandInputs.reporting { try ResolverEvaluation.load(path: path) }
        let evaluation = ResolverEvaluation(cases: cases, resolver: resolver)
        let speed = ResolverEvaluation.measureSpeed(strings: cases.map(\.affiliation), resolver: resolver)
        print(evaluation.text(speed: speed, listing: list), terminator: "")
    }
}
