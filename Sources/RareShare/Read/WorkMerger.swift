/// Merges records of the same publication that came from several sources
/// (or twice from one), so that each publication counts once.
///
/// Two records are the same publication when they share a DOI, or the same
/// database's record id (a file read twice, or two exports that overlap,
/// even for a record with neither DOI nor title), or, when at least one has
/// no DOI, the same title (letters and digits, case folded),
/// year and first author's surname. Records with different DOIs are never
/// merged. The merged record takes each field from the first record, in
/// the order added, that has it — except the authors, which come from the
/// record whose authors carry the most affiliations (ties: the earlier),
/// since affiliations are what the counting needs (the merged record's
/// `source` is that record's, so it names where its authors came from). The
/// report says how many
/// records were merged away and, per field, which source supplied it.
///
/// Pure and deterministic: the output order is the order in which each
/// publication was first seen. Memory: every record added (merging is
/// inherently global).
public struct WorkMerger: Sendable {
    /// Which source supplied one field of one merged publication.
    public struct FieldChoice: Sendable, Equatable {
        public var field: String
        public var source: SourceFormat
    }

    /// One publication that several records described.
    public struct Merge: Sendable, Equatable {
        /// The merged publication's DOI, or its title key when it has none.
        public var key: String
        /// The sources of the records merged, in the order added.
        public var sources: [SourceFormat]
        /// Per field (`doi`, `sourceID`, `year`, `documentType`, `title`, `authors`), the source kept.
        public var kept: [FieldChoice]
    }

    /// What a merge did.
    public struct Report: Sendable, Equatable {
        /// Records added.
        public var recordsIn = 0
        /// Publications out.
        public var recordsOut = 0
        /// Records folded into another one (`recordsIn - recordsOut`).
        public var merged: Int { recordsIn - recordsOut }
        /// Every publication that had more than one record, in first-seen order.
        public var merges: [Merge] = []

        /// How often each source supplied each field among merged publications,
        /// sorted by field then source, for a summary line per pair.
        public var keptCounts: [(field: String, source: SourceFormat, count: Int)] {
            var counts: [String: Int] = [:]
            for m in merges { for c in m.kept { counts[c.field + "\t" + c.source.rawValue, default: 0] += 1 } }
            return counts.keys.sorted().compactMap { k in
                let parts = k.split(separator: "\t")
                guard parts.count == 2, let source = SourceFormat(rawValue: String(parts[1])) else { return nil }
                return (String(parts[0]), source, counts[k] ?? 0)
            }
        }

        /// A few lines for people: how many records were merged, and per
        /// field which source supplied it how often.
        public var text: String {
            guard merged > 0 else { return "duplicates: none among \(recordsIn) records\n" }
            var out = "duplicates: \(recordsIn) records are \(recordsOut) publications (\(merged) merged into \(merges.count))\n"
            for (field, source, count) in keptCounts {
                out += "  \(field) kept from \(source.rawValue): \(count)\n"
            }
            return out
        }

        public static func == (a: Report, b: Report) -> Bool {
            a.recordsIn == b.recordsIn && a.recordsOut == b.recordsOut && a.merges == b.merges
        }
    }

    private var groups: [[Work]] = []
    private var byKey: [String: Int] = [:]

    public init() {}

    /// Adds one record.
    public mutating func add(_ work: Work) {
        let doiKey = work.doi.map { "doi:" + $0 }
        let titleKey = Self.titleKey(work)
        let idKey = work.sourceID.map { "id:\(work.source.rawValue):" + $0 }
        var target: Int?
        if let doiKey, let g = byKey[doiKey] { target = g }
        if target == nil, let idKey, let g = byKey[idKey] {
            let groupDOIs = Set(groups[g].compactMap(\.doi))
            if groupDOIs.isEmpty || (work.doi.map(groupDOIs.contains) ?? true) { target = g }
        }
        if target == nil, let titleKey, let g = byKey[titleKey] {
            // Never join two different DOIs through a shared title.
            let groupDOIs = Set(groups[g].compactMap(\.doi))
            if groupDOIs.isEmpty || (work.doi.map(groupDOIs.contains) ?? true) { target = g }
        }
        let g: Int
        if let target {
            g = target
            groups[g].append(work)
        } else {
            g = groups.count
            groups.append([work])
        }
        if let doiKey, byKey[doiKey] == nil { byKey[doiKey] = g }
        if let titleKey, byKey[titleKey] == nil { byKey[titleKey] = g }
        if let idKey, byKey[idKey] == nil { byKey[idKey] = g }
    }

    /// The merged publications in first-seen order, and the report.
    public func finish() -> (works: [Work], report: Report) {
        var report = Report()
        var out: [Work] = []
        for group in groups {
            report.recordsIn += group.count
            guard let first = group.first else { continue }
            if group.count == 1 { out.append(first); continue }
            var merged = first
            var kept: [FieldChoice] = []
            func pick<T>(_ field: String, _ path: WritableKeyPath<Work, T?>) {
                if let w = group.first(where: { $0[keyPath: path] != nil }) {
                    merged[keyPath: path] = w[keyPath: path]
                    kept.append(FieldChoice(field: field, source: w.source))
                }
            }
            pick("doi", \.doi)
            pick("sourceID", \.sourceID)
            pick("year", \.year)
            pick("documentType", \.documentType)
            pick("title", \.title)
            var best = 0
            for (i, w) in group.enumerated() where Self.affiliationCount(w) > Self.affiliationCount(group[best]) { best = i }
            merged.authors = group[best].authors
            merged.source = group[best].source
            kept.append(FieldChoice(field: "authors", source: group[best].source))
            out.append(merged)
            report.merges.append(Merge(key: merged.doi ?? Self.titleKey(merged) ?? "", sources: group.map(\.source), kept: kept))
        }
        report.recordsOut = out.count
        return (out, report)
    }

    /// Merges `works` in one call.
    public static func merge(_ works: [Work]) -> (works: [Work], report: Report) {
        var merger = WorkMerger()
        for w in works { merger.add(w) }
        return merger.finish()
    }

    static func affiliationCount(_ work: Work) -> Int {
        work.authors.reduce(0) { $0 + ($1.affiliations.isEmpty ? 0 : 1) }
    }

    /// `title:<letters and digits>|<year>|<first author's surname>`, or `nil`
    /// when any part is missing.
    static func titleKey(_ work: Work) -> String? {
        guard let title = work.title, let year = work.year, let name = work.authors.first?.name else { return nil }
        // The surname first: it is the cheaper part, and without it there is no key.
        let surname = FieldText.nameKey(surname(of: name))
        guard !surname.isEmpty else { return nil }
        let t = FieldText.foldedLetters(title, keepingDigits: true)
        guard !t.isEmpty else { return nil }
        return "title:\(t)|\(year)|\(surname)"
    }

    /// The surname in `"Surname, Given"`, `"Surname I."` or `"Given Surname"`.
    static func surname(of name: String) -> Substring {
        if let comma = name.firstIndex(of: ",") { return name[..<comma] }
        let words = name.split(separator: " ")
        guard let last = words.last, words.count > 1 else { return Substring(name) }
        let isInitials = last.count <= 4 && last.allSatisfy { $0.isUppercase || $0 == "." || $0 == "-" }
        return isInitials ? words[0] : last
    }
}
