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
/// - Complexity: O(file size); memory one record.
public struct PubMedXMLReader: WorkReader {
    public var format: SourceFormat { .pubMedXML }

    public init() {}

    public func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics {
        let source = try ByteSource(path: path)
        var stats = ReadStatistics(file: path, format: format)
        var thrown: Error?
        try withoutActuallyEscaping(body) { body in
            let handler = Handler(file: path)
            let parser = XMLPushParser(handler: handler, fileName: path)
            handler.parser = parser
            handler.emit = { [unowned handler] work in
                do { try body(work) } catch { thrown = error; handler.stopped = true }
            }
            // The closure must not outlive this block (it borrows `body`).
            defer { handler.emit = { _ in } }
            let failure: (line: Int, message: String)?
            do {
                failure = try parser.parse(source)
            } catch let error as InputError {
                failure = (error.position.line ?? parser.line, error.message)
            }
            if let thrown { throw thrown }
            stats = handler.stats
            stats.bytes = source.bytesRead
            for p in handler.log.problems { log.record(p) }
            if let failure {
                if handler.inRecord {
                    stats.recordsRead += 1
                    stats.recordsSkipped += 1
                }
                log.record(Problem(.truncated, at: SourcePosition(file: path, line: failure.line, record: handler.inRecord ? stats.recordsRead : nil),
                                   recordKind: handler.inRecord ? "article" : nil, recordID: handler.inRecord ? handler.pmid.map { "PMID \($0)" } : nil,
                                   field: handler.stack.last,
                                   reason: "XML parsing stopped: \(failure.message)"
                                       + (handler.inRecord ? "; this article skipped, " : "; ") + "records before this point were kept"))
            }
        }
        return stats
    }

    private final class Handler: XMLEventHandler {
        let file: String
        weak var parser: XMLPushParser?
        var emit: (Work) -> Void = { _ in }
        var stopped = false
        var stats: ReadStatistics
        var log = ProblemLog()

        var stack: [String] = []
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

        func startElement(_ name: UnsafePointer<UInt8>) {}

        func startElement(_ name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
            let n = String(cString: name)
            stack.append(n)
            if n == "PubmedArticle" || n == "PubmedBookArticle" {
                guard !inRecord else { return }
                inRecord = true
                recordDepth = stack.count
                recordLine = parser?.line ?? 0
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
