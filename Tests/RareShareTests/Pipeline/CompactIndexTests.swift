import Testing
@testable import RareShare

/// The compact structures a substance run keeps per record: exact lookups,
/// growth, and the byte-level helpers the parallel readers rely on.
@Suite struct CompactIndexTests {
    @Test func integerKeyIndexFindsEveryKeyAfterGrowing() {
        var index = IntegerKeyIndex()
        var reference: [UInt64: Int32] = [:]
        // Sequential keys, a stride of 1024 (the same low bits) and extremes, past several growths.
        var keys: [UInt64] = Array(0..<5_000) + (1...3_000).map { UInt64($0) << 10 } + [UInt64.max, UInt64.max - 1, 1 << 63]
        keys += keys.prefix(100)   // repeats overwrite
        for (i, k) in keys.enumerated() {
            index.set(k, Int32(i))
            reference[k] = Int32(i)
        }
        #expect(index.count == reference.count)
        for (k, v) in reference { #expect(index[k] == v) }
        for absent: UInt64 in [5_000, 5_001, 3_001 << 10, 1 << 62, UInt64.max - 2] where reference[absent] == nil {
            #expect(index[absent] == nil)
        }
    }

    @Test func lineBreaksMatchACountByte() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000] {
            let bytes: [UInt8] = (0..<length).map { _ in [0x0A, 0x0D, 0x20, 0x3C, 0x8A, 0x0B, 0xFF][Int.random(in: 0..<7, using: &generator)] }
            #expect(LineBreaks.count(bytes) == bytes.filter { $0 == 0x0A }.count, "length \(length)")
            if length > 3 { #expect(LineBreaks.count(bytes[2..<(length - 1)]) == bytes[2..<(length - 1)].filter { $0 == 0x0A }.count) }
        }
        #expect(LineBreaks.count(Array("a\nb\n\nc\n".utf8)) == 4)
    }

    @Test func numericKeysOnBytesMatchStrings() {
        for id in ["0", "7", "10139471", "007", "-5", "12a", "", "18446744073709551615", "99999999999999999999", "1 2"] {
            var text = id
            let fromBytes = text.withUTF8 { CitationIndex.numericKey($0) }
            #expect(fromBytes == CitationIndex.numericKey(id), "\(id)")
        }
        #expect(CitationIndex.numericKey("10139471") == 10_139_471)
        #expect(CitationIndex.numericKey("007") == nil)
        #expect(CitationIndex.numericKey("0") == 0)
    }

    /// The first report: the earliest year (the block's own, else its
    /// citation's), ties to the block listed first, and without any year the
    /// first block that names a citation.
    @Test func firstReportRules() throws {
        var citations = CitationIndex()
        citations.insert(Citation(id: "100", doi: "10.1/a", year: 2001, authors: nil))
        citations.insert(Citation(id: "200", doi: "10.1/b", year: nil, authors: nil))
        citations.insert(Citation(id: "C-9", doi: "10.1/c", year: 1999, authors: nil))
        let builder = FirstReportCandidateBuilder(citations: citations)

        func choose(_ blocks: [(String?, Int?)]) -> (year: Int?, citation: String?) {
            var text: [UInt8] = []
            var fieldBlocks: [SubstanceFields.CitationBlock] = []
            for (id, year) in blocks {
                var range: Range<Int>?
                if let id {
                    let start = text.count
                    text += Array(id.utf8)
                    range = start..<text.count
                }
                fieldBlocks.append(SubstanceFields.CitationBlock(id: range, year: year))
            }
            text += Array("42".utf8)
            let xrn = (text.count - 2)..<text.count
            let result = text.withUnsafeBufferPointer { bytes in
                fieldBlocks.withUnsafeBufferPointer { blocks in
                    builder.firstReport(SubstanceFields(text: bytes, registryNumber: xrn, formula: nil, blocks: blocks))
                }
            }
            let doi = result.slot >= 0 ? citations.doi(atSlot: result.slot) : nil
            return (result.year, doi)
        }

        // Own years win; ties go to the block listed first.
        #expect(choose([("100", 2005), ("200", 2003), ("C-9", 2003)]) == (2003, "10.1/b"))
        // A block without its own year takes its citation's year (non-numeric ids too).
        #expect(choose([("100", nil), ("200", 2002)]) == (2001, "10.1/a"))
        #expect(choose([("100", 2000), ("C-9", nil)]) == (1999, "10.1/c"))
        // No year anywhere: the first block that names a citation is kept for it.
        #expect(choose([(nil, nil), ("200", nil), ("100", nil)]) == (2001, "10.1/a"))
        #expect(choose([(nil, nil), ("200", nil)]) == (nil, "10.1/b"))
        // An id unknown to the index keeps its place but joins nothing.
        #expect(choose([("999", nil), ("200", nil)]) == (nil, nil))
        #expect(choose([("999", 1998), ("100", nil)]) == (1998, nil))
    }

    /// Registry numbers come back from the compact table as they were read,
    /// integer or not, in the order asked; a repeat keeps its earliest year.
    @Test func firstReportTableListsRegistryNumbers() {
        var table = FirstReportTable()
        func candidate(_ registry: String, year: Int16) -> FirstReportTable.Candidate {
            let key = CitationIndex.numericKey(registry)
            return FirstReportTable.Candidate(registryKey: key ?? 0, registryText: key == nil ? registry : nil, year: year,
                                              citationSlot: -1, regions: .all, composition: nil, hasFormula: false)
        }
        var added: [Bool] = []
        for (registry, year) in [("1007", 0), ("RX-12", 0), ("0", 2001), ("0042", 1999), ("1007", 2010), ("1007", 2012)] as [(String, Int16)] {
            added.append(table.add(candidate(registry, year: year)))
        }
        #expect(added == [true, true, true, true, false, false])
        #expect(table.count == 4)
        #expect(table.years == [2010, 0, 2001, 1999])
        #expect(table.registryNumbers(at: [3, 1, 0, 2]) == ["0042", "RX-12", "1007", "0"])
        #expect(table.registryNumbers(at: []) == [])
    }
}
