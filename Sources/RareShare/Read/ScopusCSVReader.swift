/// Streams Scopus CSV exports (current and older column sets).
///
/// Per record: `DOI`, `EID` (source id), `Year`, `Document Type`, `Title`;
/// authors from `Authors` (short names, `; `-separated today, `, ` in older
/// exports) with `Author full names` where present; per-author affiliations
/// from `Authors with affiliations`, and the corresponding author from the
/// name before the first `;` of `Correspondence Address`.
///
/// `Authors with affiliations` is `Name, affiliation; Name, affiliation; …`
/// where one author's several affiliations are joined by `, ` — the same
/// separator as inside an affiliation. They are told apart with the
/// `Affiliations` column, which lists each distinct affiliation once: an
/// author's text is cut into whole entries of that list where it can be,
/// and kept as one string where it cannot.
///
/// Some exports have more fields per row than header names (Scopus writes
/// one `Funding Text n` column per funding text but names only the first
/// ones); the surplus is taken to sit right after the last named
/// `Funding Text` column, so the columns after it still line up. Scopus ends
/// every row with a line break: a last row without one was cut and is skipped.
public struct ScopusCSVReader: WorkReader {
    public var format: SourceFormat { .scopusCSV }

    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        try CSVWorkReading.read(path: path, format: format, log: &log, idColumn: "EID", preambleRows: 0,
                                isHeader: { $0.column("Authors") != nil || $0.column("EID") != nil },
                                fixRow: Self.dropUnnamedFundingColumns, makeWork: Self.makeWork, body)
    }

    /// Removes the surplus fields of a row that has more than the header
    /// names, taking them to sit right after the last named `Funding Text` column.
    static func dropUnnamedFundingColumns(_ columns: ColumnMap) -> ([String]) -> [String] {
        let lastFunding = columns.names.lastIndex(where: { $0.lowercased().hasPrefix("funding text") })
        return { fields in
            guard fields.count > columns.names.count, let f = lastFunding else { return fields }
            var fixed = fields
            fixed.removeSubrange((f + 1)..<(f + 1 + fields.count - columns.names.count))
            return fixed
        }
    }

    static func makeWork(_ fields: [String], _ columns: ColumnMap, warn: (String, String) -> Void) -> Work {
        var work = Work(source: .scopusCSV)
        work.sourceID = columns.value("EID", in: fields)
        if let d = columns.value("DOI", in: fields) {
            work.doi = DOI.normalize(d)
            if work.doi == nil { warn("DOI", "\"\(d)\" is not a DOI") }
        }
        if let y = columns.value("Year", in: fields) {
            work.year = YearParser.year(from: y)
            if work.year == nil { warn("Year", YearParser.whyNotAYear(y)) }
        }
        work.documentType = columns.value("Document Type", in: fields)
        work.title = columns.value("Title", in: fields)

        var short: [String] = []
        if let a = columns.value("Authors", in: fields), !a.hasPrefix("[No author") {
            short = a.contains(";") ? FieldText.split(a, on: ";") : FieldText.split(a, on: ",")
        }
        var full: [String] = []
        if let f = columns.value("Author full names", in: fields) {
            full = FieldText.split(f, on: ";").map { Self.withoutTrailingID($0) }
        }
        if !full.isEmpty && full.count != short.count {
            warn("Author full names", "\(full.count) full names for \(short.count) authors; full names ignored")
            full = []
        }
        if short.isEmpty { short = full }
        let names: [[String]] = short.indices.map { i in full.isEmpty ? [short[i]] : [full[i], short[i]] }
        var authors = names.map { Author(name: $0.first) }

        let known = columns.value("Affiliations", in: fields).map { FieldText.split($0, on: ";") } ?? []
        if let awa = columns.value("Authors with affiliations", in: fields), !short.isEmpty {
            let entries = Self.authorEntries(awa, authors: short)
            for (i, text) in entries {
                authors[i].affiliations = Self.splitAffiliations(text, known: known).map { Affiliation(raw: $0) }
            }
        } else if authors.count == 1, !known.isEmpty {
            authors[0].affiliations = known.map { Affiliation(raw: $0) }
        }

        if let corr = columns.value("Correspondence Address", in: fields), !authors.isEmpty {
            let name = String(corr.split(separator: ";", maxSplits: 1).first ?? "").trimmingSpaces
            for i in authors.indices { authors[i].isCorresponding = false }
            if let i = FieldText.matchAuthor(name, in: names) ?? FieldText.matchAuthor(Self.initialsLast(name), in: names) {
                authors[i].isCorresponding = true
            } else {
                warn("Correspondence Address", "\"\(name)\" matches no author")
                for i in authors.indices { authors[i].isCorresponding = nil }
            }
        }
        work.authors = authors
        return work
    }

    /// `"Liu, Fengyuan (60410297700)"` → `"Liu, Fengyuan"`.
    static func withoutTrailingID(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        return String(name[..<open].trimmingSpaces)
    }

    /// `"Y. Li"` → `"Li Y."`: newer correspondence addresses put initials first.
    static func initialsLast(_ name: some StringProtocol) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1, words[0].hasSuffix(".") else { return String(name) }
        return (words.dropFirst() + [words[0]]).joined(separator: " ")
    }

    /// Cuts `Authors with affiliations` into (author index, affiliation text)
    /// pairs, walking the authors in order: a `; `-piece that starts with the
    /// next author's name opens that author's entry, any other piece continues
    /// the current entry (an affiliation that itself holds `; `).
    static func authorEntries(_ text: String, authors: [String]) -> [(Int, String)] {
        let keys = authors.map { FieldText.nameKey($0) }
        var entries: [(Int, String)] = []
        var next = 0
        for piece in FieldText.split(text, on: ";") {
            var matched: (Int, Substring)?
            for j in next..<keys.count {
                if let rest = Self.afterName(piece, key: keys[j]) { matched = (j, rest); break }
            }
            if let (j, rest) = matched {
                entries.append((j, String(rest)))
                next = j + 1
            } else if !entries.isEmpty {
                entries[entries.count - 1].1 += "; " + piece
            }
        }
        return entries.filter { !$0.1.isEmpty }
    }

    /// The text after the name whose letters are `key` at the start of
    /// `piece` (`"Yagai, T., Sophia…"` or `"Liu F., Dept…"`), or `nil`.
    static func afterName(_ piece: String, key: String) -> Substring? {
        guard !key.isEmpty else { return nil }
        var letters = key.unicodeScalars.makeIterator()
        var pending = letters.next()
        var index = piece.startIndex
        while let want = pending, index < piece.endIndex {
            let ch = piece[index]
            let lower = ch.lowercased()
            if ch.isLetter {
                guard lower.unicodeScalars.count == 1, lower.unicodeScalars.first == want else { return nil }
                pending = letters.next()
            } else if ch == "," && pending != nil {
                // A comma inside the name ("Yagai, T.") is allowed.
            } else if !(ch == "." || ch == " " || ch == "-" || ch == "'" || ch == ",") {
                return nil
            }
            index = piece.index(after: index)
        }
        guard pending == nil else { return nil }
        if index < piece.endIndex, piece[index].isLetter { return nil }
        var rest = piece[index...]
        while let f = rest.first, f == "." || f == "," || f == " " { rest.removeFirst() }
        return rest
    }

    /// Cuts an author's affiliation text into entries of `known` joined by
    /// `, `; the whole text when it is not such a join.
    static func splitAffiliations(_ text: String, known: [String]) -> [String] {
        if known.contains(text) { return [text] }
        func solve(_ rest: Substring, depth: Int) -> [String]? {
            if rest.isEmpty { return [] }
            guard depth < 32 else { return nil }
            for k in known where rest.hasPrefix(k) {
                var after = rest.dropFirst(k.count)
                if after.isEmpty { return [k] }
                guard after.hasPrefix(", ") else { continue }
                after = after.dropFirst(2)
                if let tail = solve(after, depth: depth + 1) { return [k] + tail }
            }
            return nil
        }
        return solve(Substring(text), depth: 0) ?? [text]
    }
}
