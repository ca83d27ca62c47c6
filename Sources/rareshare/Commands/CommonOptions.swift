import ArgumentParser

/// Flags every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print no progress or summary on the terminal.")
    var quiet = false

    @Flag(help: "Treat any skipped record or other input problem as fatal (exit 65).")
    var strict = false
}
