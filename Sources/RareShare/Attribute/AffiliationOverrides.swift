/// The user's own rules, which win over every built-in rule of
/// ``EvidenceResolver``: a pattern of whole words and the country it means.
///
/// Two file forms, one rule a line (`#` starts a comment):
///
///     # TSV: pattern <TAB> code
///     Chungbuk Natl Univ	KR
///     USSR	RU
///     Some Lab, Nowhere	null
///
///     # YAML: a mapping of pattern to code
///     "Chungbuk Natl Univ": KR
///     USSR: RU
///
/// A pattern matches as whole words, ignoring case, accents, punctuation and
/// the small words "of", "and", "the" (the same normalization as the built-in
/// names), so `Univ Toronto` also matches "University of Toronto". Where
/// several patterns match, the longest wins, then the last in the string.
/// The code `null` (or `-`) marks a string the user wants left unresolved.
///
/// The `unresolved_affiliations.tsv` a run writes (`count TAB affiliation`)
/// is an overrides file as it stands: add a third column with the code to
/// the rows you decide (`12 TAB Inst Organ Chem, USSR TAB RU`); rows left
/// with two columns are skipped.
public struct AffiliationOverrides: Sendable {
    struct Rule: Sendable {
        var pattern: String
        var country: CountryCode?
        var line: Int
    }
    private var rules: [Rule] = []
    private var table = PhraseTable()
    /// Where the rules came from, for evidence.
    public let source: String

    public init(source: String = "overrides") { self.source = source }

    /// Number of rules.
    public var count: Int { rules.count }

    /// Adds a rule; `country` nil forces "unresolved".
    public mutating func add(pattern: String, country: CountryCode?, line: Int = 0) {
        let words = AffiliationText.wordHashes(of: pattern)
        guard !words.isEmpty else { return }
        rules.append(Rule(pattern: pattern, country: country, line: line))
        table.add(words: words, PhraseMeaning(kind: .override, countries: country.map { [$0] } ?? [],
                                              overrideLine: rules.count - 1))
    }

    /// Reads an overrides file (TSV or YAML, told apart line by line: a tab
    /// makes a TSV row, otherwise `pattern: code`).
    /// - Throws: ``InputError`` with the file and line of a malformed rule.
    public static func load(path: String) throws -> AffiliationOverrides {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        while let chunk = try source.nextChunk() { bytes += chunk }   // an overrides file is small
        try source.throwIfDamaged()
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses the text of an overrides file; `file` names it in errors and evidence.
    public static func parse(_ text: String, file: String = "overrides") throws -> AffiliationOverrides {
        var result = AffiliationOverrides(source: file)
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" { continue }
            var pattern: String, code: String
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2, Int(fields[0].trimmingSpaces) != nil || (lineNumber == 1 && fields[0].trimmingSpaces == "count") {
                // A row of unresolved_affiliations.tsv: count, affiliation[, code].
                guard fields.count >= 3, !fields[2].trimmingSpaces.isEmpty else { continue }
                pattern = String(fields[1].trimmingSpaces)
                code = String(fields[2].trimmingSpaces)
            } else if let tab = line.firstIndex(of: "\t") {
                pattern = String(line[..<tab].trimmingSpaces)
                code = String(line[line.index(after: tab)...].trimmingSpaces)
            } else if let colon = line.lastIndex(of: ":") {
                pattern = String(line[..<colon].trimmingSpaces)
                code = String(line[line.index(after: colon)...].trimmingSpaces)
                if pattern.hasPrefix("- ") { pattern = String(pattern.dropFirst(2).trimmingSpaces) }
                pattern = unquote(pattern)
                code = unquote(code)
            } else {
                throw InputError(.malformed, at: SourcePosition(file: file, line: lineNumber), "expected 'pattern<TAB>code' or 'pattern: code'")
            }
            if let hash = code.firstIndex(of: "#") { code = String(code[..<hash].trimmingSpaces) }
            // A header row ("pattern<TAB>country") is not a rule.
            if lineNumber == 1 && ["country", "code", "country_code"].contains(code.lowercased()) { continue }
            let country: CountryCode?
            if ["null", "-", "~", ""].contains(code.lowercased()) {
                country = nil
            } else if let c = CountryCode(code) {
                country = c
            } else {
                throw InputError(.malformed, at: SourcePosition(file: file, line: lineNumber), "'\(code)' is not a two-letter country code (or null)")
            }
            if AffiliationText.wordHashes(of: pattern).isEmpty {
                throw InputError(.malformed, at: SourcePosition(file: file, line: lineNumber), "pattern '\(pattern)' has no words")
            }
            result.add(pattern: pattern, country: country, line: lineNumber)
        }
        return result
    }

    private static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == s.last, f == "\"" || f == "'" { return String(s.dropFirst().dropLast()) }
        return s
    }

    /// The answer of the longest matching rule, or nil if none matches.
    func resolve(_ text: AffiliationText) -> CountryResolution? {
        guard !rules.isEmpty else { return nil }
        var best: PhraseTable.Match?
        for m in table.matches(in: text) {
            if let b = best, b.range.count > m.range.count { continue }
            best = m
        }
        guard let best, let meaning = best.meanings.first else { return nil }
        let rule = rules[meaning.overrideLine]
        let place = rule.line > 0 ? "\(source):\(rule.line)" : source
        if let c = rule.country {
            return CountryResolution(country: c, evidence: "override \"\(rule.pattern)\" (\(place))", rule: .override)
        }
        return .unresolved("override \"\(rule.pattern)\" (\(place)) marks it unresolved", rule: .override)
    }
}
