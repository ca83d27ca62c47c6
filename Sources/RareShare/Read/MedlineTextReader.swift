/// Streams PubMed's MEDLINE text format (`Send to: File, Format: PubMed`,
/// or EFetch `rettype=medline`).
///
/// A record starts at `PMID- ` and runs to the next one; each line is a tag
/// of up to four letters padded to `XXXX- `, and a value continues on lines
/// indented by six spaces. Authors are `FAU` (full) and `AU` (short) in
/// byline order, `CN` a collective author; each `AD` line that follows an
/// author is one affiliation of that author, in order (records since 2014
/// give every author theirs; older ones give one `AD` before or after the
/// first author only, which then goes to the first author). The DOI is the
/// `AID`/`LID` value marked `[doi]`; the year starts `DP`.
///
/// The last record of a file that ends mid-line, or that lacks the closing
/// `SO` (source) line every PubMed record has, was cut short: it is skipped
/// and reported.
public struct MedlineTextReader: WorkReader {
    public var format: SourceFormat { .medlineText }

    public init() {}

    private struct Pending {
        var work = Work(source: .medlineText)
        var line: Int
        var authorFromFAU = false
        var authorHasShort = false
        var articleAffiliations: [String] = []
        var lidDOI: String?
        var aidDOI: String?
        var hasSource = false
        var badYear: String?

        init(line: Int) { self.line = line }

        /// Takes one tagged line, or (`continuation`) the next line of the tag before.
        mutating func take(_ t: String, _ value: String, continuation: Bool) {
            if continuation {
                switch t {
                case "TI":
                    work.title = (work.title ?? "") + " " + value
                case "AD":
                    if let i = work.authors.indices.last, let j = work.authors[i].affiliations.indices.last {
                        work.authors[i].affiliations[j].raw = (work.authors[i].affiliations[j].raw ?? "") + " " + value
                    } else if let j = articleAffiliations.indices.last {
                        articleAffiliations[j] += " " + value
                    }
                default: break
                }
                return
            }
            switch t {
            case "PMID": work.sourceID = value
            case "TI": work.title = value
            case "PT": if work.documentType == nil { work.documentType = value }
            case "DP":
                work.year = YearParser.year(from: value)
                if work.year == nil { badYear = value }
            case "LID", "AID":
                guard value.hasSuffix("[doi]") else { break }
                let doi = DOI.normalize(value.dropLast(5))
                if t == "AID" { aidDOI = aidDOI ?? doi } else { lidDOI = lidDOI ?? doi }
            case "FAU":
                work.authors.append(Author(name: value))
                authorFromFAU = true
                authorHasShort = false
            case "AU":
                // AU right after its FAU is the same author's short name.
                if authorFromFAU && !authorHasShort {
                    authorHasShort = true
                } else {
                    work.authors.append(Author(name: value))
                    authorFromFAU = false
                    authorHasShort = true
                }
            case "CN":
                work.authors.append(Author(name: value))
                authorFromFAU = false
                authorHasShort = true
            case "AD":
                if let i = work.authors.indices.last {
                    work.authors[i].affiliations.append(Affiliation(raw: value))
                } else {
                    articleAffiliations.append(value)
                }
            case "SO": hasSource = true
            default: break
            }
        }
    }

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let lines = try LineReader(path: path)
        var stats = ReadStatistics(file: path, format: format)
        var current: Pending?
        var tag: String?
        var stray = 0

        func finish(_ p: Pending) throws {
            var w = p.work
            let position = SourcePosition(file: path, line: p.line, record: stats.recordsRead)
            w.doi = p.aidDOI ?? p.lidDOI
            if !p.articleAffiliations.isEmpty, !w.authors.isEmpty, w.authors[0].affiliations.isEmpty {
                w.authors[0].affiliations = p.articleAffiliations.map { Affiliation(raw: $0) }
            }
            if let bad = p.badYear {
                log.record(Problem(.warning, at: position, recordKind: "article", recordID: w.sourceID.map { "PMID \($0)" },
                                   field: "DP", reason: YearParser.whyNotAYear(bad).replacingOccurrences(of: "is not a year", with: "does not start with a year")))
            }
            stats.recordsUsed += 1
            stats.noteYear(w.year)
            try body(w)
        }

        do {
            while let raw = try lines.nextLine() {
                if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { tag = nil; continue }
                let text = String(decoding: raw, as: UTF8.self)
                if raw.count > 6, raw.prefix(6).allSatisfy({ $0 == 0x20 }) {
                    if let t = tag, current != nil { current?.take(t, String(text.trimmingSpaces), continuation: true) } else { stray += 1 }
                    continue
                }
                guard raw.count >= 5, raw[4] == UInt8(ascii: "-") else {
                    stray += 1
                    continue
                }
                let t = String(text.prefix(4).trimmingSpaces)
                let value = String(text.dropFirst(5).trimmingSpaces)
                if t == "PMID" {
                    if let done = current { try finish(done) }
                    stats.recordsRead += 1
                    current = Pending(line: lines.lineNumber)
                }
                guard current != nil else { stray += 1; continue }
                tag = t
                current?.take(t, value, continuation: false)
            }
        } catch let error as InputError {
            log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
            current?.hasSource = false
        }
        if lines.source.damage?.losesContent == true { current?.hasSource = false }
        log.note(lines.source.damage, file: path, recordsKept: stats.recordsRead - (current == nil ? 0 : 1), recordKind: "article")
        if let last = current {
            if !lines.lastLineTerminated || !last.hasSource {
                stats.recordsSkipped += 1
                log.record(Problem(.truncated, at: SourcePosition(file: path, line: last.line, record: stats.recordsRead),
                                   recordKind: "article", recordID: last.work.sourceID.map { "PMID \($0)" }, field: "SO",
                                   reason: "the file ends inside this record (no SO line); record skipped, records before it were kept"))
            } else {
                try finish(last)
            }
        }
        if stray > 0 {
            log.record(Problem(.warning, at: SourcePosition(file: path), reason: "\(stray) line(s) that are not MEDLINE fields were ignored"))
        }
        stats.bytes = lines.source.bytesRead
        return stats
    }
}
