import Foundation

/// One Web of Science record as tagged values, whichever of the two export
/// layouts (plain text or tab-delimited) it came from, and its conversion to
/// a ``Work``.
///
/// Field tags are Clarivate's two-letter codes: `AU` short and `AF` full
/// author names, `C1` addresses, `RP` reprint (corresponding) address, `PY`
/// year, `EA` early-access date, `DI` DOI, `UT` accession number, `DT`
/// document type, `TI` title.
struct WoSRecord {
    /// Tag → values. List fields (`AU`, `AF`, `BA`, `BF`, `C1`) hold one entry per value.
    var fields: [String: [String]] = [:]

    func first(_ tag: String) -> String? { fields[tag]?.first(where: { !$0.isEmpty }) }

    /// Turns the record into a ``Work``.
    ///
    /// Addresses map to authors this way:
    /// - a bracketed address `[Name; Name] Address` goes to each author named
    ///   in the brackets (matched against `AF`, then `AU` names);
    /// - an unbracketed address (older records name no authors) goes to every
    ///   author, all such addresses in the order listed: the export does not
    ///   say which author is at which address. When a record mixes both
    ///   forms, unbracketed addresses go only to authors no bracket names.
    ///
    /// Addresses lose one trailing period: the plain-text export ends each
    /// with one and the tab-delimited export does not, and the same address
    /// should read the same from either.
    ///
    /// `RP` names the corresponding author(s) (`Name (reprint author), …` or
    /// `Name (corresponding author), …`); when `RP` is present every other
    /// author is marked not corresponding; when absent, or when it gives an
    /// address but no name, the flag stays unknown.
    func makeWork(format: SourceFormat, warn: (String, String) -> Void) -> Work {
        var work = Work(source: format)
        work.sourceID = first("UT")
        if let di = first("DI") {
            work.doi = DOI.normalize(di)
            if work.doi == nil { warn("DI", "\"\(di)\" is not a DOI") }
        }
        if let py = first("PY") {
            work.year = YearParser.year(from: py)
            if work.year == nil { warn("PY", YearParser.whyNotAYear(py)) }
        }
        if work.year == nil, let ea = first("EA") {
            // Early access: "JUL 2020" or "2020".
            work.year = ea.split(separator: " ").lazy.compactMap { YearParser.year(from: $0) }.first
        }
        work.documentType = first("DT")
        work.title = first("TI")

        // Whole books credit their authors as book authors (BA/BF), not AU/AF.
        var short = fields["AU"] ?? []
        var full = fields["AF"] ?? []
        if short.isEmpty && full.isEmpty {
            short = fields["BA"] ?? []
            full = fields["BF"] ?? []
        }
        let count = max(short.count, full.count)
        var names: [[String]] = []
        for i in 0..<count {
            var forms: [String] = []
            if i < full.count { forms.append(full[i]) }
            if i < short.count { forms.append(short[i]) }
            names.append(forms)
        }
        var authors = names.map { Author(name: $0.first) }
        let index = AuthorNameIndex(names)

        var unbracketed: [String] = []
        var named = Set<Int>()
        for entry in fields["C1"] ?? [] {
            var text = entry.trimmingSpaces
            if text.last == "." { text.removeLast() }
            guard !text.isEmpty else { continue }
            if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                let inside = text[text.index(after: text.startIndex)..<close]
                let address = String(text[text.index(after: close)...].trimmingSpaces)
                guard !address.isEmpty else { continue }
                for person in FieldText.split(inside, on: ";") {
                    if let i = index.match(person) {
                        named.insert(i)
                        if !authors[i].affiliations.contains(where: { $0.raw == address }) {
                            authors[i].affiliations.append(Affiliation(raw: address))
                        }
                    } else {
                        warn("C1", "\"\(person)\" in [\(inside)] matches no author in AU/AF")
                    }
                }
            } else {
                unbracketed.append(String(text))
            }
        }
        if !unbracketed.isEmpty {
            for i in authors.indices where !named.contains(i) {
                authors[i].affiliations.append(contentsOf: unbracketed.map { Affiliation(raw: $0) })
            }
        }

        if let rp = fields["RP"], !rp.isEmpty {
            let text = rp.joined(separator: "; ")
            let corresponding = Self.reprintNames(text)
            // An RP that is an address alone names nobody: the flag stays unknown.
            if !corresponding.isEmpty { for i in authors.indices { authors[i].isCorresponding = false } }
            for name in corresponding {
                if let i = index.match(name) {
                    authors[i].isCorresponding = true
                } else {
                    warn("RP", "reprint author \"\(name)\" matches no author in AU/AF")
                }
            }
        }
        work.authors = authors
        return work
    }

    /// The names before each `(reprint author)` / `(corresponding author)` in an `RP` value.
    static func reprintNames(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        let markers = ["(reprint author)", "(corresponding author)"]
        while true {
            let hits = markers.compactMap { m in rest.range(of: m).map { ($0, m) } }
            guard let (range, _) = hits.min(by: { $0.0.lowerBound < $1.0.lowerBound }) else { break }
            var before = rest[..<range.lowerBound]
            if let semi = before.lastIndex(of: ";") { before = before[before.index(after: semi)...] }
            // After the first marker, an address precedes the next name: "…, USA.; Name (corresponding author)".
            let name = before.trimmingSpaces
            if !name.isEmpty { names.append(String(name)) }
            rest = rest[range.upperBound...]
        }
        return names
    }
}
