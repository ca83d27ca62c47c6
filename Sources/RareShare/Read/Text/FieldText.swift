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
        let key = nameKey(wanted)
        guard !key.isEmpty else { return nil }
        for (i, forms) in names.enumerated() where forms.contains(where: { nameKey($0) == key }) { return i }
        let (surname, initial) = surnameAndInitial(wanted)
        let hits = names.indices.filter { i in
            names[i].contains { form in
                let (s, ini) = surnameAndInitial(form)
                return s == surname && (initial == nil || ini == nil || ini == initial)
            }
        }
        return hits.count == 1 ? hits[0] : nil
    }
}
