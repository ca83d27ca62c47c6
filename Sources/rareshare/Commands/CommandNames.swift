import ArgumentParser

/// Checks the first word of a command line before the parser sees it.
///
/// `analyze` is the default subcommand, so the parser would read a mistyped
/// subcommand (`rareshare analize …`) as a stray argument of `analyze` and
/// say "unexpected argument"; this says which command was probably meant.
enum CommandNames {
    /// Every subcommand name and alias, in the order of `--help`.
    static var known: [String] {
        RareShareCommand.configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
    }

    /// The usage error of these arguments (without the program name), or `nil` when the first word is fine.
    static func problem(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        if first == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-"), !known.contains(arguments[1]) else { return nil }
            return "help: no command '\(arguments[1])'" + hint(for: arguments[1])
        }
        guard !known.contains(first) else { return nil }
        return "unknown command '\(first)'" + hint(for: first)
    }

    /// "; did you mean analyze?" when a command is close, else the list of commands.
    static func hint(for word: String) -> String {
        let names = known.filter { !$0.isEmpty }
        let primary = RareShareCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        let scored = names.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        if let (name, d) = scored, d <= max(2, name.count / 3) { return "; did you mean \(name)?" }
        return "; commands: " + primary.joined(separator: ", ") + " (see rareshare --help)"
    }

    /// Levenshtein distance between two short words (O(|a|·|b|)).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var diagonal = row[0]
            row[0] = i + 1
            for (j, cb) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (ca == cb ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
