import ArgumentParser
import RareShare

struct RareShareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rareshare",
        abstract: "Which countries drive new chemistry, alone or together?",
        discussion: """
        RareShare reads Reaxys substance and citation exports and bibliographic \
        records with affiliations, attributes every author to a country, and \
        computes per year each country's share of the new substances (or, \
        without Reaxys data, of the publications), alone and in collaboration.

        Exit codes: 0 success; 1 any other failure; 64 usage error; \
        65 bad input data under --strict (or an unknown format); \
        66 an input file is missing or unreadable.
        """,
        version: RareShareVersion.current,
        subcommands: [AnalyzeCommand.self, InspectCommand.self, ResolveCommand.self, FiguresCommand.self, ExtractCommand.self],
        defaultSubcommand: AnalyzeCommand.self
    )
}
