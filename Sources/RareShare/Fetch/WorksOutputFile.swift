/// The JSON Lines file `fetch` writes (gzip when the name ends in `.gz`),
/// one OpenAlex work per line, that `analyze --works` reads as it is.
///
/// Opening an existing file is the resume: its whole lines (or whole gzip
/// members) are read for the DOIs and title queries already answered, a torn
/// tail left by a killed run is cut off, and new batches are appended.
final class WorksOutputFile {
    let file: AppendFile
    let isGzip: Bool
    /// DOIs (normalised) of the works already in the file.
    private(set) var doneDOIs: Set<String> = []
    /// ``TitleQuery/resumeKey`` of title matches already in the file.
    private(set) var doneTitles: Set<String> = []
    /// Works in the file when it was opened.
    private(set) var worksBefore = 0
    /// Bytes cut from the end of the file when opened (a half-written block).
    private(set) var cutBytes = 0
    /// Lines that were not JSON objects (kept, counted).
    private(set) var unreadableLines = 0

    init(path: String) throws {
        file = try AppendFile(path: path)
        let size = file.size
        isGzip = size >= 2 ? try Self.startsWithGzipMagic(file) : path.hasSuffix(".gz")
        var complete = 0
        if isGzip {
            let scan = try GzipMembers.scan(fileDescriptor: file.fd) { content in
                var start = 0
                for i in content.indices where content[i] == 0x0A {
                    note(line: content[start..<i])
                    start = i + 1
                }
                if start < content.count { note(line: content[start...]) }
            }
            complete = scan.completeBytes
        } else {
            complete = try file.forEachLine { note(line: $0[...]) }
        }
        cutBytes = size - complete
        try file.truncate(to: complete)
    }

    /// Appends one batch: whole lines, as one write (as one gzip member when compressed).
    func append(_ lines: [[UInt8]]) throws {
        guard !lines.isEmpty else { return }
        var block: [UInt8] = []
        block.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for l in lines { block += l; block.append(0x0A) }
        try file.append(isGzip ? GzipMembers.member(block) : block)
    }

    private func note(line: ArraySlice<UInt8>) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        guard let keys = Self.resumeKeys(Array(line)) else { unreadableLines += 1; return }
        worksBefore += 1
        if let d = keys.doi { doneDOIs.insert(d) }
        if let q = keys.query { doneTitles.insert(q) }
    }

    /// The top-level `doi` (normalised) and `rareshare_query` of one line; nil if not a JSON object.
    static func resumeKeys(_ line: [UInt8]) -> (doi: String?, query: String?)? {
        line.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            var doi: String?, query: String?
            do throws(JSONSyntaxError) {
                try s.enterObject()
                while let k = try s.nextMember() {
                    if s.key(k, is: "doi") { doi = try s.readOptionalString().flatMap { DOI.normalize($0) } }
                    else if s.key(k, is: "rareshare_query") { query = try s.readOptionalString() }
                    else { try s.skipValue() }
                }
                return (doi, query)
            } catch {
                return nil
            }
        }
    }

    private static func startsWithGzipMagic(_ file: AppendFile) throws -> Bool {
        var head: [UInt8] = []
        _ = try? file.forEachPrefix(2) { head = $0 }
        return head.count == 2 && head[0] == 0x1F && head[1] == 0x8B
    }
}

/// `not_found.tsv`: what OpenAlex had no work for, one row per DOI or title
/// query, appended per batch like the works; a second run does not ask again.
final class NotFoundFile {
    static let header = "doi\ttitle\tyear\treason"
    let file: AppendFile
    private(set) var doneDOIs: Set<String> = []
    private(set) var doneTitles: Set<String> = []

    init(path: String) throws {
        file = try AppendFile(path: path)
        var rows = 0
        let complete = try file.forEachLine { line in
            rows += 1
            let cols = String(decoding: line, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
            guard rows > 1 || cols.first != "doi", cols.count >= 3 else { return }
            if !cols[0].isEmpty { doneDOIs.insert(String(cols[0])) }
            else if let y = Int(cols[2]) { doneTitles.insert(TitleQuery(title: String(cols[1]), year: y).resumeKey) }
        }
        try file.truncate(to: complete)
        if complete == 0 { try file.append(Array((Self.header + "\n").utf8)) }
    }

    /// Appends rows as one write; tabs and line breaks inside a title become spaces.
    func append(_ rows: [NotFoundRow]) throws {
        guard !rows.isEmpty else { return }
        var text = ""
        for r in rows {
            let title = (r.title ?? "").map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }
            text += "\(r.doi ?? "")\t\(String(title))\t\(r.year.map(String.init) ?? "")\t\(r.reason)\n"
        }
        try file.append(Array(text.utf8))
    }
}

/// One DOI or title query without a work.
public struct NotFoundRow: Sendable, Equatable {
    public var doi: String?
    public var title: String?
    public var year: Int?
    public var reason: String

    public init(doi: String? = nil, title: String? = nil, year: Int? = nil, reason: String) {
        self.doi = doi
        self.title = title
        self.year = year
        self.reason = reason
    }
}
