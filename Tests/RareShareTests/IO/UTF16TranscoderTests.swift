import Testing
@testable import RareShare

@Suite struct UTF16TranscoderTests {
    /// "Aé€𝄞" + CRLF: one, two, three and four UTF-8 bytes, the last a surrogate pair in UTF-16.
    static let text = "Aé€𝄞\r\n"

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func anyChunkingGivesTheSameUTF8(_ chunkSize: Int) {
        let le = Array(Self.text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        var t = UTF16Transcoder(byteOrder: .littleEndian)
        var out: [UInt8] = []
        var i = 0
        while i < le.count {
            out += t.convert(le[i..<min(i + chunkSize, le.count)])
            i += chunkSize
        }
        out += t.finish()
        #expect(out == Array(Self.text.utf8))
    }

    @Test func bigEndianAndAnUnpairedSurrogate() {
        var t = UTF16Transcoder(byteOrder: .bigEndian)
        let out = t.convert([0x00, 0x41, 0xD8, 0x34, 0x00, 0x42]) + t.finish()
        #expect(String(decoding: out, as: UTF8.self) == "A\u{FFFD}B")
    }
}
