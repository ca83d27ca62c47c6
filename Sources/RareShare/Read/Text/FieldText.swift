/// Small text helpers shared by the text-export readers: splitting lists
/// that nest brackets, and comparing author names written different ways.
enum FieldText {
    /// Splits `text` on `separator` where it is not inside `[…]` or `(…)`,
    /// trimming each part and dropping empty ones. `"[A; B] X; Y"` → `["[A; B] X", "Y"]`.
    static func splitOutsideBrackets(_ text: some StringProtocol, separator: Character = ";") -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            switch ch {
            case "[", "(": depth += 1
            case "]", ")": depth = max(0, depth - 1)
            default: break
            }
            if ch == separator && depth == 0 {
                let t = current.trimmingSpaces
                if !t.isEmpty { parts.append(String(t)) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        let t = current.trimmingSpaces
        if !t.isEmpty { parts.append(String(t)) }
        return parts
    }

    /// Splits on `separator` and trims, dropping empty parts.
    static func split(_ text: some StringProtocol, on separator: Character) -> [String] {
        text.split(separator: separator).map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
    }

    /// A name reduced to lower-case letters only, so that `"Owen-Smith, J."`
    /// and `"Owen-Smith, J"` compare equal.
    static func nameKey(_ name: some StringProtocol) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }))
    }

    /// `"Surname, Given Names"` → (`surnamekey`, first initial); names with no
    /// comma are taken as `"Surname Initials"` (Scopus' `Liu F.`).
    static func surnameAndInitial(_ name: some StringProtocol) -> (String, Character?) {
        if let comma = name.firstIndex(of: ",") {
            let surname = nameKey(name[..<comma])
            let rest = nameKey(name[name.index(after: comma)...])
            return (surname, rest.first)
        }
        let words = name.split(separator: " ")
        guard let last = words.last, words.count > 1 else { return (nameKey(name), nil) }
        return (nameKey(words.dropLast().joined(separator: " ")), nameKey(last).first)
    }

    /// The index of the author in `names` that `wanted` designates: exact
    /// letter match first, then surname plus first initial (only if unique).
    static func matchAuthor(_ wanted: some StringProtocol, in names: [[String]]) -> Int? {
        AuthorNameIndex(names).match(wanted)
    }
}

/// The authors of one record, keyed for matching the names other fields
/// write for them (`C1` brackets, `RP`, correspondence addresses).
///
/// Built once per record: many-author papers list hundreds of names, and
/// each address bracket names several of them.
struct AuthorNameIndex {
    /// Letter key → first author index with that key.
    private var exact: [String: Int] = [:]
    /// (surname key, first initial) per author per name form.
    private var parts: [(index: Int, surname: String, initial: Character?)] = []

    /// `names[i]` holds the forms author `i` is written in (full, short…).
    init(_ names: [[String]]) {
        for (i, forms) in names.enumerated() {
            for form in forms {
                let key = FieldText.nameKey(form)
                if !key.isEmpty && exact[key] == nil { exact[key] = i }
                let (surname, initial) = FieldText.surnameAndInitial(form)
                parts.append((i, surname, initial))
            }
        }
    }

    /// The author `wanted` designates: exact letter match, else the one
    /// author whose surname and first initial agree.
    func match(_ wanted: some StringProtocol) -> Int? {
        let key = FieldText.nameKey(wanted)
        guard !key.isEmpty else { return nil }
        if let i = exact[key] { return i }
        let (surname, initial) = FieldText.surnameAndInitial(wanted)
        var hit: Int?
        for p in parts where p.surname == surname && (initial == nil || p.initial == nil || p.initial == initial) {
            if let h = hit, h != p.index { return nil }
            hit = p.index
        }
        return hit
    }
}
