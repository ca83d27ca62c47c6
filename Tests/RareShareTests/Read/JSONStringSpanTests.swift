import Testing
@testable import RareShare

/// The word-at-a-time string scan and string spans must read and reject
/// exactly what the byte-wise scan and `readString()` do.
@Suite struct JSONStringSpanTests {
    func scan<T>(_ text: String, _ body: (inout JSONScanner) throws -> T) throws -> T {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            return try body(&s)
        }
    }

    /// Strings are scanned eight bytes at a time: a quote, escape or control
    /// character at every position of a word, at every alignment, must be
    /// found at its exact byte.
    @Test func wordScanStopsAtEveryPosition() throws {
        for pad in 0..<9 {
            let lead = String(repeating: " ", count: pad)
            for length in 0..<20 {
                let body = String(repeating: "a", count: length)
                let read = try scan(lead + "\"" + body + "\\n" + body + "é\"  ") { try $0.readString() }
                #expect(read == body + "\n" + body + "é")
                let control = #expect(throws: JSONSyntaxError.self) {
                    try scan(lead + "\"" + body + "\u{01}" + body + "\"") { try $0.readString() }
                }
                #expect(control?.offset == pad + 1 + length)
                let open = #expect(throws: JSONSyntaxError.self) { try scan(lead + "\"" + body) { try $0.readString() } }
                #expect(open?.offset == pad + 1 + length)
                #expect(open?.message == "unterminated string")
            }
        }
    }

    @Test func spansReadWhatStringsRead() throws {
        let text = #"["I1", "I1", "I\u0031", "Ame\u0301lie", "Amélie", null, 3, "FR", "fr", "F\u0052", "FRA", "é1"]"#
        try scan(text) { s in
            try s.enterArray()
            var spans: [JSONScanner.StringSpan?] = []
            while try s.nextElement() { spans.append(try s.readOptionalStringSpan()) }
            let strings = spans.map { $0.map { s.string($0) } }
            #expect(strings == ["I1", "I1", "I1", "Ame\u{301}lie", "Amélie", nil, nil, "FR", "fr", "FR", "FRA", "é1"])
            let a = try #require(spans[0]), b = try #require(spans[1]), c = try #require(spans[2])
            let d = try #require(spans[3]), e = try #require(spans[4]), f = try #require(spans[7])
            #expect(s.equal(a, b))
            #expect(s.equal(a, c))
            #expect(s.equal(d, e))   // canonically equivalent, as `String` compares
            #expect(!s.equal(a, f))
        }
        let codes = try scan(#"["FR", "fr", "F\u0052", "FRA", "F1", "", null, {"x": 1}]"#) { s -> [CountryCode?] in
            try s.enterArray()
            var codes: [CountryCode?] = []
            while try s.nextElement() { codes.append(try s.readOptionalCountryCode()) }
            return codes
        }
        #expect(codes == [CountryCode("FR"), CountryCode("FR"), CountryCode("FR"), nil, nil, nil, nil, nil])
    }

    @Test(arguments: [#""\ud83d""#, #""\ude00x""#, #""\x""#, "\"a\u{01}\"", #""abc"#, #""\u12"#])
    func spansRejectWhatStringsReject(_ text: String) {
        let viaString = #expect(throws: JSONSyntaxError.self) { try scan(text) { try $0.readString() } }
        let viaSpan = #expect(throws: JSONSyntaxError.self) { try scan(text) { try $0.readStringSpan() } }
        #expect(viaString?.offset == viaSpan?.offset)
        #expect(viaString?.message == viaSpan?.message)
    }
}
