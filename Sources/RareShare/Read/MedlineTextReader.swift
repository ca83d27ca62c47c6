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
        var line = 0
        var authorFromFAU = false
        var authorHasShort = false
        var articleAffiliations: [String] = []
        var lidDOI: String?
        var aidDOI: String?
        var hasSource = false
        var badYear: String?
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
                                   field: "DP", reason: "\"\(bad)\" does not start with a year"))
            }
            stats.recordsUsed += 1
            stats.noteYear(w.year)
            try body(w)
        }

        func take(_ t: String, _ value: String, continuation: Bool) {
            guard current != nil else { return }
            if continuation {
                switch t {
                case "TI":
                    current!.work.title = (current!.work.title ?? "") + " " + value
                case "AD":
                    if let i = current!.work.authors.indices.last, !current!.work.authors[i].affiliations.isEmpty {
                        let j = current!.work.authors[i].affiliations.count - 1
                        current!.work.authors[i].affiliations[j].raw = (current!.work.authors[i].affiliations[j].raw ?? "") + " " + value
                    } else if !current!.articleAffiliations.isEmpty {
                        current!.articleAffiliations[current!.articleAffiliations.count - 1] += " " + value
                    }
                default: break
                }
                return
            }
            switch t {
            case "PMID": current!.work.sourceID = value
            case "TI": current!.work.title = value
            case "PT": if current!.work.documentType == nil { current!.work.documentType = value }
            case "DP":
                current!.work.year = YearParser.year(from: value)
                if current!.work.year == nil { current!.badYear = value }
            case "LID", "AID":
                guard value.hasSuffix("[doi]") else { break }
                let doi = DOI.normalize(value.dropLast(5))
                if t == "AID" { if current!.aidDOI == nil { current!.aidDOI = doi } } else if current!.lidDOI == nil { current!.lidDOI = doi }
            case "FAU":
                current!.work.authors.append(Author(name: value))
                current!.authorFromFAU = true
                current!.authorHasShort = false
            case "AU":
                if current!.authorFromFAU && !current!.authorHasShort {
                    current!.authorHasShort = true
                } else {
                    current!.work.authors.append(Author(name: value))
                    current!.authorFromFAU = false
                    current!.authorHasShort = true
                }
            case "CN":
                current!.work.authors.append(Author(name: value))
                current!.authorFromFAU = false
                current!.authorHasShort = true
            case "AD":
                if let i = current!.work.authors.indices.last {
                    current!.work.authors[i].affiliations.append(Affiliation(raw: value))
                } else {
                    current!.articleAffiliations.append(value)
                }
            case "SO": current!.hasSource = true
            default: break
            }
        }

        do {
            while let raw = try lines.nextLine() {
                if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { tag = nil; continue }
                let text = String(decoding: raw, as: UTF8.self)
                if raw.count > 6, raw.prefix(6).allSatisfy({ $0 == 0x20 }) {
                    if let t = tag { take(t, String(text.trimmingSpaces), continuation: true) } else { stray += 1 }
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
                    current = Pending()
                    current!.line = lines.lineNumber
                }
                guard current != nil else { stray += 1; continue }
                tag = t
                take(t, value, continuation: false)
            }
        } catch let error as InputError {
            log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
            if current != nil { current!.hasSource = false }
        }
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
