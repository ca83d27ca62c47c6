import Foundation
import Testing
@testable import RareShare

/// JSON Lines records handed on as whole lines must read exactly as the
/// structural cut reads them: same works, counts, problems and positions.
@Suite struct JSONWholeLineTests {
    struct Stream: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    static let work = #"{"doi":"10.1/A","publication_year":2020,"authorships":[{"author":{"display_name":"A B"},"institutions":[{"id":"I1","country_code":"FR"}]}]}"#

    static let streams: [Stream] = [
        Stream(name: "clean", text: "\(work)\n\(work)\n\(work)\n"),
        Stream(name: "trailing spaces and CRLF", text: "\(work)\n\(work)  \t\r\n\(work)\r\n"),
        Stream(name: "two values on one line", text: "\(work)\n{\"doi\":\"10.1/B\"}{\"doi\":\"10.1/C\"}\n\(work)\n"),
        Stream(name: "junk around a value", text: "\(work)\nx {\"doi\":\"10.1/D\"} yz\n\(work)\n"),
        Stream(name: "junk after a value only", text: "\(work)\n{\"doi\":\"10.1/D\"}]] \n\(work)\n"),
        Stream(name: "broken lines", text: "\(work)\n{\"b\": [1, 2\n{\"c\":\"x\n\(work)\n"),
        Stream(name: "invalid numbers and escapes", text: "\(work)\n{\"a\": 01}\n{\"a\": \"\\x\"}\n{\"a\": \"\\ud83d\"}\n\(work)\n"),
        Stream(name: "a value then a broken one", text: "\(work)\n{\"doi\":\"10.1/E\"} {\"doi\": \n\(work)"),
        Stream(name: "array lines and pages", text: "\(work)\n[\(work), \(work)]\n{\"meta\":{},\"results\":[\(work)]}\n"),
        Stream(name: "byte order mark inside", text: "\(work)\n\u{FEFF}\(work)\n"),
        Stream(name: "last line cut", text: "\(work)\n\(work)\n{\"doi\":\"10.1/F\", \"title\": \"unfin"),
        Stream(name: "blank lines", text: "\n\n\(work)\n\n   \n\(work)\n\n"),
    ]

    struct Outcome: Equatable {
        var works: [Work]
        var stats: ReadStatistics
        var problems: [Problem]
    }

    /// Reads `text` from one file both ways (positions name the file).
    func readBothWays(_ text: String) throws -> (whole: Outcome, structural: Outcome) {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("works.jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (try read(path, cutsLinesWhole: true), try read(path, cutsLinesWhole: false))
    }

    func read(_ path: String, cutsLinesWhole: Bool) throws -> Outcome {
        var log = ProblemLog()
        var works: [Work] = []
        let stats = try JSONWorkFile.read(path: path, format: .openAlexJSON, log: &log, with: OpenAlexReader.valueParser,
                                          cutsLinesWhole: cutsLinesWhole) { works.append($0) }
        return Outcome(works: works, stats: stats, problems: log.problems)
    }

    @Test(arguments: streams)
    func wholeLinesReadAsTheStructuralCut(_ stream: Stream) throws {
        let (whole, structural) = try readBothWays(stream.text)
        #expect(whole == structural)
        #expect(!whole.works.isEmpty)
    }

    @Test func problemsKeepTheirPositions() throws {
        let text = "\(Self.work)\nx {\"doi\":\"10.1/D\"} z{\"a\": 01}\n\(Self.work)\n"
        let outcome = try readBothWays(text).whole
        #expect(outcome.works.map(\.doi) == ["10.1/a", "10.1/d", "10.1/a"])
        #expect(outcome.stats.recordsRead == 4)
        #expect(outcome.stats.recordsSkipped == 1)
        let skipped = try #require(outcome.problems.first { $0.severity == .skippedRecord })
        #expect(skipped.position.line == 2)
        #expect(skipped.position.record == 3)
        // In `{"a": 01}` the scanner stops at the `1` (byte 7), and the record starts 20 bytes into line 2.
        let lineStart = Self.work.utf8.count + 1
        #expect(skipped.position.byteOffset == lineStart + 20 + 7)
        #expect(skipped.reason.contains("leading zero"))
        let junk = try #require(outcome.problems.first { $0.severity == .warning })
        #expect(junk.position.line == 2)
        #expect(junk.reason.hasPrefix("2 byte(s)"))
    }

    @Test func resplitCutsALineAsTheStructuralScanDoes() {
        let line = JSONRecordSplitter.Record(bytes: Array(#"{"a":1} q{"b":"}"}  {"c": [1"#.utf8), line: 7, offset: 100,
                                             isWholeLine: true)
        let (records, junk) = JSONRecordSplitter.resplit(line)
        #expect(records.map { String(decoding: $0.bytes, as: UTF8.self) } == [#"{"a":1}"#, #"{"b":"}"}"#, #"{"c": [1"#])
        #expect(records.map(\.offset) == [100, 109, 120])
        #expect(records.allSatisfy { $0.line == 7 && !$0.isWholeLine })
        #expect(junk == JSONRecordSplitter.Junk(line: 7, byte: UInt8(ascii: "q"), count: 1))
    }

    @Test func splitterHandsOnWholeLinesOnlyOnceJSONLinesIsKnown() throws {
        var splitter = JSONRecordSplitter()
        splitter.cutsLinesWhole = true
        var records: [JSONRecordSplitter.Record] = []
        try splitter.feed(Array("{\n\"a\": 1\n}\n{\"b\":2}\n".utf8)) { records.append($0) }
        #expect(records.map(\.isWholeLine) == [false, false])

        var lines = JSONRecordSplitter()
        lines.cutsLinesWhole = true
        var cut: [JSONRecordSplitter.Record] = []
        try lines.feed(Array("{\"a\":1}\n  {\"b\":2} \n{\"c\":3}".utf8)) { cut.append($0) }
        // The last line has no line break: it is cut structurally.
        #expect(lines.finish() == nil)
        #expect(cut.map { String(decoding: $0.bytes, as: UTF8.self) } == ["{\"a\":1}", "{\"b\":2} ", "{\"c\":3}"])
        #expect(cut.map(\.isWholeLine) == [false, true, false])
        #expect(cut.map(\.line) == [1, 2, 3])
        #expect(cut.map(\.offset) == [0, 10, 19])
    }
}
