import Testing
@testable import RareShare

@Suite struct JSONScannerTests {
    func scan<T>(_ text: String, _ body: (inout JSONScanner) throws -> T) throws -> T {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            return try body(&s)
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let s = try scan(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) { try $0.readString() }
        #expect(s == "a\"b\\c/d\né😀")
    }

    @Test func walksObjectsAndSkipsTheRest() throws {
        let text = #"{"skip": {"x": [1, 2.5e-3, -0, true, null, "s"]}, "doi": "10.1/X", "n": 2020}"#
        let (doi, n) = try scan(text) { s -> (String?, Int?) in
            var doi: String?, n: Int?
            try s.enterObject()
            while let k = try s.nextMember() {
                if s.key(k, is: "doi") { doi = try s.readOptionalString() }
                else if s.key(k, is: "n") { n = try s.readOptionalInt() }
                else { try s.skipValue() }
            }
            return (doi, n)
        }
        #expect(doi == "10.1/X")
        #expect(n == 2020)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var text: String
        var testDescription: String { text }
    }

    static let invalid: [Invalid] = [
        "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": -}", "{\"a\": 1e}", "[1,]", "{\"a\":1,}",
        "{\"a\" 1}", "[\"\\x\"]", "[\"\\ud83d\"]", "[\"\\ude00\"]", "[\"a\u{01}\"]", "[tru]", "[nul]",
        "{\"a\": \"unterminated}", "[1 2]", "{1: 2}",
    ].map(Invalid.init)

    @Test(arguments: invalid)
    func rejectsInvalidJSON(_ c: Invalid) {
        #expect(throws: JSONSyntaxError.self) {
            try scan(c.text) { s in
                try s.skipValue()
                _ = try s.readString()   // forces reading a string in the escape cases
            }
        }
    }

    @Test func splitterYieldsLinesArrayElementsAndConcatenatedValues() throws {
        let text = "\u{FEFF}{\"a\":1}\n{\"b\":\"}\"}\n\n[1]"
        var splitter = JSONRecordSplitter()
        var records: [String] = []
        try splitter.feed(Array(text.utf8)) { records.append(String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(records == ["{\"a\":1}", "{\"b\":\"}\"}", "[1]"])
        let rest = splitter.finish()
        #expect(rest == nil)

        var arraySplitter = JSONRecordSplitter()
        var elements: [String] = []
        let array = " [ {\"x\": [1,2]} , {\"y\": \"]\"} ] "
        // Feed byte by byte: chunk boundaries must not matter.
        for b in array.utf8 { try arraySplitter.feed([b]) { elements.append(String(decoding: $0.bytes, as: UTF8.self)) } }
        #expect(elements == ["{\"x\": [1,2]}", "{\"y\": \"]\"}"])
        let arrayRest = arraySplitter.finish()
        #expect(arrayRest == nil)
    }

    @Test(arguments: [1, 2, 3, 5, 64])
    func splitterHandlesEscapesAcrossChunkBoundaries(chunkSize: Int) throws {
        let text = #"{"a":"x\\"}{"b":"q\"}\\\"z"}"# + "\n" + #"{"c":"\\\\"}"#
        var splitter = JSONRecordSplitter()
        var records: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            try splitter.feed(Array(bytes[start..<end])) { records.append(String(decoding: $0.bytes, as: UTF8.self)) }
            start = end
        }
        #expect(records == [#"{"a":"x\\"}"#, #"{"b":"q\"}\\\"z"}"#, #"{"c":"\\\\"}"#])
    }

    @Test func splitterReportsATruncatedRecord() throws {
        var splitter = JSONRecordSplitter()
        var count = 0
        try splitter.feed(Array("{\"a\":1}\n{\"b\": [1, 2".utf8)) { _ in count += 1 }
        #expect(count == 1)
        let finished = splitter.finish()
        let left = try #require(finished)
        #expect(left.line == 2)
        #expect(String(decoding: left.bytes, as: UTF8.self) == "{\"b\": [1, 2")
    }
}

@Suite struct JSONLinesRecoveryTests {
    @Test(arguments: [1, 7, 4096])
    func aBrokenLineCostsOnlyItself(chunkSize: Int) throws {
        let text = "{\"a\":1}\n{\"b\": [1, 2\n{\"c\":\"x\n{\"d\":4}\n"
        var splitter = JSONRecordSplitter()
        var records: [(String, Int)] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            try splitter.feed(Array(bytes[start..<end])) { records.append((String(decoding: $0.bytes, as: UTF8.self), $0.line)) }
            start = end
        }
        #expect(splitter.finish() == nil)
        #expect(records.map(\.0) == ["{\"a\":1}", "{\"b\": [1, 2", "{\"c\":\"x", "{\"d\":4}"])
        #expect(records.map(\.1) == [1, 2, 3, 4])
    }

    @Test func prettyPrintedObjectsStillSpanLines() throws {
        var splitter = JSONRecordSplitter()
        var records: [String] = []
        try splitter.feed(Array("{\n  \"a\": 1\n}\n{\n \"b\": 2\n}\n".utf8)) { records.append(String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(records.count == 2)
    }
}
