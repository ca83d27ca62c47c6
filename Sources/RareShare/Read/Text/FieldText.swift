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
        foldedLetters(name, keepingDigits: false)
    }

    /// The text lower-cased and reduced to its alphabetic scalars (and the
    /// digits 0–9 when `keepingDigits`): exactly what filtering
    /// `text.lowercased().unicodeScalars` gives, since `lowercased()` maps
    /// each scalar on its own, but without the intermediate string and with
    /// ASCII decided without a Unicode property lookup. Title and name keys
    /// are computed for every work read, so this is on the hot path.
    static func foldedLetters(_ text: some StringProtocol, keepingDigits digits: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let b = UInt8(truncatingIfNeeded: scalar.value)
                switch b {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"): out.append(b)
                case UInt8(ascii: "0")...UInt8(ascii: "9") where digits: out.append(b)
                default: break
                }
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars
            where lower.properties.isAlphabetic || (digits && ("0"..."9").contains(lower)) {
                UTF8.encode(lower) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
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
