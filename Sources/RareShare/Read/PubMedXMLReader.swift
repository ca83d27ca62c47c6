/// Streams PubMed/MEDLINE XML (`PubmedArticleSet`, as saved from the PubMed
/// web site, returned by EFetch, or distributed gzip-compressed as the NLM
/// baseline and update files).
///
/// Per `PubmedArticle`: the PMID (source id); the DOI from the article's own
/// `PubmedData/ArticleIdList` (`IdType="doi"`), else `ELocationID
/// EIdType="doi"` — never from the reference list, which has ArticleIds too;
/// the title; the first `PublicationType` as document type; and authors in
/// order, each with every `AffiliationInfo/Affiliation` in order.
///
/// The year is the journal issue's `PubDate/Year`, else the year at the start
/// of `PubDate/MedlineDate` (`1978 Jul-Sep`), else the electronic
/// `ArticleDate/Year`: the issue year is what Web of Science and Scopus
/// count, so the same paper gets the same year from every source.
///
/// Records from before 2014 carry one `Affiliation` directly under `Article`
/// and none per author: NLM recorded the first author's affiliation only, so
/// it is given to the first author. PubMed does not say who the
/// corresponding author is; that flag stays unknown.
///
/// The file is cut into articles (``PubMedArticleSplitter``) and each is
/// parsed on its own, so a damaged article is skipped and reported while the
/// articles before and after it are kept. Articles are parsed as UTF-8, the
/// encoding NLM writes.
///
/// - Complexity: O(file size); memory one record.
public struct PubMedXMLReader: WorkReader {
    public var format: SourceFormat { .pubMedXML }

    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let source = try ByteSource(path: path)
        var splitter = PubMedArticleSplitter(source: source)
        var thrown: Error?
        let handler = Handler(file: path)
        try withoutActuallyEscaping(body) { body in
            handler.emit = { [unowned handler] work in
                do { try body(work) } catch { thrown = error; handler.stopped = true }
            }
            // The closure must not outlive this block (it borrows `body`).
            defer { handler.emit = { _ in } }
            var cutAtEnd = 0
            do {
                while let article = try splitter.next() {
                    parse(article, handler: handler, path: path)
                    if let thrown { throw thrown }
                    if article.atEndOfFile && !article.isComplete { cutAtEnd = 1 }
                }
            } catch let error as InputError {
                handler.log.record(Problem(.truncated, at: error.position, reason: error.message + "; records before this point were kept"))
            }
            handler.log.note(source.damage, file: path, recordsKept: handler.stats.recordsRead - cutAtEnd, recordKind: "article")
        }
        var stats = handler.stats
        stats.bytes = source.bytesRead
        for p in handler.log.problems { log.record(p) }
        return stats
    }

    /// Parses one article with a parser of its own, so that a damaged article
    /// costs only itself: the articles after it are read as usual.
    private func parse(_ article: PubMedArticleSplitter.Article, handler: Handler, path: String) {
        let parser = XMLSAXParser(handler: handler, fileName: path)
        handler.position = parser.position
        handler.lineOffset = article.line - 1
        let ok = parser.feed(article.bytes, isLast: true)
        guard !ok || !article.isComplete || handler.inRecord else { return }
        // The article did not parse to its end: count it as read and skipped.
        handler.stats.recordsRead += 1
        handler.stats.recordsSkipped += 1
        let failure = parser.firstError
        // A malformed article is reported where the parser stopped; an unclosed one where it starts.
        let line = article.isComplete ? failure.map { article.line - 1 + $0.line } ?? article.line : article.line
        let reason = !article.isComplete
            ? "the article has no closing tag (" + (article.atEndOfFile ? "the file ends inside it, cut short?" : "another article starts first") + ")"
            : "malformed XML: " + (failure?.message ?? "parsing stopped")
        handler.log.record(Problem(article.atEndOfFile ? .truncated : .skippedRecord,
                                   at: SourcePosition(file: path, line: line, record: handler.stats.recordsRead),
                                   recordKind: "article", recordID: handler.pmid.map { "PMID \($0)" }, field: handler.stack.last,
                                   reason: reason + "; article skipped, the articles around it were kept"))
        handler.reset()
    }

    private final class Handler: XMLEventHandler {
        let file: String
        var position = XMLSAXParser.Position()
        var emit: (Work) -> Void = { _ in }
        var stopped = false
        var stats: ReadStatistics
        var log = ProblemLog()

        var stack: [String] = []
        /// Lines before the article being parsed (each article has its own parser).
        var lineOffset = 0
        var inRecord = false
        var recordDepth = 0
        var recordLine = 0
        var capturing = false
        var text: [UInt8] = []
        var idType: String?

        var pmid: String?
        var work = Work(source: .pubMedXML)
        var articleIDDOI: String?, locationDOI: String?, badDOI: String?
        var pubYear: Int?, medlineYear: Int?, articleYear: Int?
        var articleAffiliation: String?
        var author: Author?
        var lastName: String?, foreName: String?, initials: String?, collective: String?
        var inAuthorList = false

        init(file: String) {
            self.file = file
            stats = ReadStatistics(file: file, format: .pubMedXML)
        }

        private var parent: String? { stack.count >= 2 ? stack[stack.count - 2] : nil }

        /// Forgets a record left half-read by a parse that stopped.
        func reset() {
            stack.removeAll()
            inRecord = false
            capturing = false
            author = nil
            inAuthorList = false
            pmid = nil
        }

        func startElement(_ name: UnsafePointer<UInt8>) {}

        func startElement(_ name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
            let n = String(cString: name)
            stack.append(n)
            if n == "PubmedArticle" || n == "PubmedBookArticle" {
                guard !inRecord else { return }
                inRecord = true
                recordDepth = stack.count
                recordLine = lineOffset + max(position.line, 1)
                work = Work(source: .pubMedXML)
                pmid = nil; articleIDDOI = nil; locationDOI = nil; badDOI = nil
                pubYear = nil; medlineYear = nil; articleYear = nil; articleAffiliation = nil
                author = nil
                return
            }
            guard inRecord else { return }
            switch n {
            case "AuthorList":
                inAuthorList = attributes.value("Type").map { $0 == "authors" } ?? true
            case "Author" where inAuthorList && parent == "AuthorList":
                author = Author()
                lastName = nil; foreName = nil; initials = nil; collective = nil
            case "ArticleId":
                idType = attributes.value("IdType")
                startText()
            case "ELocationID":
                idType = attributes.value("EIdType")
                startText()
            case "PMID", "ArticleTitle", "PublicationType", "Year", "MedlineDate", "Affiliation",
                 "LastName", "ForeName", "Initials", "CollectiveName", "BookTitle":
                startText()
            default:
                break
            }
        }

        private func startText() {
            capturing = true
            text.removeAll(keepingCapacity: true)
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
            if capturing { text.append(contentsOf: bytes) }
        }

        func endElement(_ name: UnsafePointer<UInt8>) {
            defer { if !stack.isEmpty { stack.removeLast() } }
            guard inRecord, let n = stack.last else { return }
            if stack.count == recordDepth {
                finishRecord()
                return
            }
            let value = capturing ? String(String(decoding: text, as: UTF8.self).trimmingSpaces) : ""
            let p = parent
            switch n {
            case "PMID":
                if pmid == nil && p == "MedlineCitation" || (pmid == nil && p == "BookDocument") { pmid = value }
            case "ArticleTitle", "BookTitle":
                if work.title == nil && !value.isEmpty && (p == "Article" || p == "BookDocument" || p == "Book") { work.title = value }
            case "PublicationType":
                if work.documentType == nil && !value.isEmpty { work.documentType = value }
            case "ArticleId":
                if idType == "doi" && p == "ArticleIdList" && stack.count >= 3
                    && (stack[stack.count - 3] == "PubmedData" || stack[stack.count - 3] == "PubmedBookData") {
                    if articleIDDOI == nil { articleIDDOI = DOI.normalize(value); if articleIDDOI == nil { badDOI = value } }
                }
            case "ELocationID":
                if idType == "doi" && locationDOI == nil { locationDOI = DOI.normalize(value) }
            case "Year":
                if p == "PubDate" && pubYear == nil { pubYear = YearParser.year(from: value) }
                else if p == "ArticleDate" && articleYear == nil { articleYear = YearParser.year(from: value) }
            case "MedlineDate":
                if p == "PubDate" && medlineYear == nil { medlineYear = YearParser.year(from: value) }
            case "Affiliation":
                if p == "AffiliationInfo", author != nil, !value.isEmpty {
                    author?.affiliations.append(Affiliation(raw: value))
                } else if p == "Article" || p == "Author", !value.isEmpty {
                    if p == "Author", author != nil { author?.affiliations.append(Affiliation(raw: value)) }
                    else if articleAffiliation == nil { articleAffiliation = value }
                }
            case "LastName": if author != nil { lastName = value }
            case "ForeName": if author != nil { foreName = value }
            case "Initials": if author != nil { initials = value }
            case "CollectiveName": if author != nil { collective = value }
            case "Author":
                if var a = author, p == "AuthorList" {
                    if let lastName {
                        a.name = [lastName, foreName ?? initials].compactMap { $0 }.joined(separator: ", ")
                    } else {
                        a.name = collective
                    }
                    work.authors.append(a)
                    author = nil
                }
            case "AuthorList":
                inAuthorList = false
            default:
                break
            }
            if ["PMID", "ArticleTitle", "BookTitle", "PublicationType", "ArticleId", "ELocationID", "Year", "MedlineDate",
                "Affiliation", "LastName", "ForeName", "Initials", "CollectiveName"].contains(n) {
                capturing = false
            }
        }

        private func finishRecord() {
            inRecord = false
            capturing = false
            stats.recordsRead += 1
            let position = SourcePosition(file: file, line: recordLine, record: stats.recordsRead)
            work.sourceID = pmid
            work.doi = articleIDDOI ?? locationDOI
            if let badDOI, work.doi == nil {
                log.record(Problem(.warning, at: position, recordKind: "article", recordID: pmid.map { "PMID \($0)" },
                                   field: "ArticleId", reason: "\"\(badDOI)\" is not a DOI"))
            }
            work.year = pubYear ?? medlineYear ?? articleYear
            if work.year == nil {
                log.record(Problem(.warning, at: position, recordKind: "article", recordID: pmid.map { "PMID \($0)" },
                                   field: "PubDate", reason: "no publication year"))
            }
            if let articleAffiliation, !work.authors.isEmpty, work.authors[0].affiliations.isEmpty {
                work.authors[0].affiliations = [Affiliation(raw: articleAffiliation)]
            }
            stats.recordsUsed += 1
            stats.noteYear(work.year)
            if !stopped { emit(work) }
        }
    }
}

/// Cuts a PubMed XML stream into `<PubmedArticle>` / `<PubmedBookArticle>`
/// elements without parsing them, tracking the line each starts on.
///
/// Text between articles (the prologue, `<PubmedArticleSet>`, `<DeleteCitation>`
/// blocks) is passed over. An article whose closing tag never comes — the
/// next article starts first, or the file ends — is handed over marked
/// incomplete, so the reader can report it and go on.
/// - Complexity: O(file size); memory one article plus one chunk.
struct PubMedArticleSplitter {
    struct Article {
        var bytes: [UInt8]
        /// 1-based line of the article's start tag.
        var line: Int
        var isComplete: Bool
        var atEndOfFile: Bool
    }

    private let source: ByteSource
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already handed out or passed over; indexes below are relative to it.
    private var base = 0
    /// Line of `buffer[base]`.
    private var line = 1
    private var atEnd = false
    private var inArticle = false
    private var scanFrom = 0

    private static let names: [[UInt8]] = [Array("PubmedArticle".utf8), Array("PubmedBookArticle".utf8)]

    init(source: ByteSource) { self.source = source }

    private var count: Int { buffer.count - base }

    private mutating func fill() throws -> Bool {
        guard !atEnd, let chunk = try source.nextChunk() else { atEnd = true; return false }
        if base > (1 << 20) {
            buffer.removeFirst(base)
            base = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Passes over the first `n` bytes, counting their lines.
    private mutating func drop(_ n: Int) {
        for b in buffer[base..<(base + n)] where b == 0x0A { line += 1 }
        base += n
    }

    private func bytes(_ n: Int) -> [UInt8] { Array(buffer[base..<(base + n)]) }

    /// The next article start or end tag at or after offset `from`: its
    /// offset, whether it closes, and the offset just past it.
    /// One pass over raw bytes: this scan touches every byte of the file.
    private func nextTag(from: Int) -> (offset: Int, isClose: Bool, end: Int)? {
        buffer.withUnsafeBufferPointer { all in
            let n = all.count
            var i = base + from
            while i < n {
                guard all[i] == UInt8(ascii: "<") else { i += 1; continue }
                let isClose = i + 1 < n && all[i + 1] == UInt8(ascii: "/")
                let nameStart = i + (isClose ? 2 : 1)
                for name in Self.names {
                    let end = nameStart + name.count
                    guard end < n else { continue }
                    var same = true
                    for k in 0..<name.count where all[nameStart + k] != name[k] { same = false; break }
                    guard same else { continue }
                    let next = all[end]
                    if isClose {
                        if next == UInt8(ascii: ">") { return (i - base, true, end + 1 - base) }
                    } else if next == UInt8(ascii: ">") || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D {
                        return (i - base, false, end - base)
                    }
                }
                i += 1
            }
            return nil
        }
    }

    /// The next article, or `nil` at the end of the file.
    mutating func next() throws -> Article? {
        while true {
            if !inArticle {
                if let tag = nextTag(from: 0), !tag.isClose {
                    drop(tag.offset)
                    inArticle = true
                    scanFrom = 1
                    continue
                } else if let tag = nextTag(from: 0) {
                    drop(tag.end)   // a closing tag with no start: pass over it
                    continue
                }
                // Keep a tail that may hold the start of a tag cut by the chunk boundary.
                drop(count - min(count, 24))
                if try !fill() { return nil }
                continue
            }
            if let tag = nextTag(from: scanFrom) {
                let article = Article(bytes: bytes(tag.isClose ? tag.end : tag.offset), line: line,
                                      isComplete: tag.isClose, atEndOfFile: false)
                drop(tag.isClose ? tag.end : tag.offset)
                inArticle = !tag.isClose
                scanFrom = 1
                return article
            }
            scanFrom = max(1, count - 24)
            if try !fill() {
                inArticle = false
                let article = Article(bytes: bytes(count), line: line, isComplete: false, atEndOfFile: true)
                drop(count)
                return article
            }
        }
    }
}
