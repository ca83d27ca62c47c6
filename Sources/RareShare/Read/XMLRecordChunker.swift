#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts an XML export into batches of whole records (`<substance>…</substance>`)
/// so that batches can be parsed on several cores.
///
/// A batch ends just after the last closing tag of a record in a window of
/// about ``targetBytes``; the text between records (the prologue, the
/// wrapping `<xf><substances>`, closing tags) is not part of any batch.
/// Each batch carries the file's XML declaration, so a declared encoding
/// still applies.
///
/// Cutting is the one sequential step of a parallel read, so it looks only
/// near the ends of a window (the last closing tag, the first opening tag)
/// and never scans a batch whole. Lines and records inside a batch are
/// counted by whoever parses it, in parallel; ``XMLBatchCursor`` then turns
/// the batch's own positions into the file's.
public struct XMLRecordChunker {
    public struct Batch: Sendable {
        public var index: Int
        /// The batch as one well-formed document, ready for the parser: the
        /// file's declaration, then the records inside a synthetic root
        /// element, all on the batch's first line. Made once, where the
        /// records are copied out of the read buffer anyway.
        public let document: [UInt8]
        /// Where the records are in ``document``.
        public let recordRange: Range<Int>
        /// Line breaks between the end of the previous batch (or the start of
        /// the file) and the first record.
        public var leadingLines: Int
        /// Line (1-based) of the first record and records before it, as
        /// positions found in the batch are counted: 1 and 0 for a batch as
        /// cut (positions relative to the batch), a piece's place in its
        /// batch when a damaged batch is re-read record by record.
        public var firstLine: Int
        public var recordsBefore: Int
        /// The file's `<?xml …?>` declaration, if it has one.
        public var declaration: [UInt8]

        /// Complete records, from the first `<name` to the last `</name>`.
        public var bytes: ArraySlice<UInt8> { document[recordRange] }

        public init(index: Int, bytes: some Collection<UInt8>, leadingLines: Int = 0, firstLine: Int = 1, recordsBefore: Int = 0,
                    declaration: [UInt8]) {
            self.index = index
            var document: [UInt8] = []
            document.reserveCapacity(declaration.count + Self.rootOpen.count + bytes.count + Self.rootClose.count)
            document += declaration
            document += Self.rootOpen
            let start = document.count
            document += bytes
            recordRange = start..<document.count
            document += Self.rootClose
            self.document = document
            self.leadingLines = leadingLines
            self.firstLine = firstLine
            self.recordsBefore = recordsBefore
            self.declaration = declaration
        }

        static let rootOpen = Array("<rareshare-batch>".utf8)
        static let rootClose = Array("</rareshare-batch>".utf8)
    }

    public let element: String
    public var targetBytes = 4 << 20
    /// A single record larger than this stops the chunking with an error.
    public var maximumRecordBytes = 256 << 20

    private let source: ByteSource
    private let open: [UInt8]
    private let close: [UInt8]
    /// Bytes read and not yet cut into a batch: `carry[0..<used]`. The
    /// array stays as long as the longest window read so far, and chunks
    /// are read straight into its tail.
    private var carry: [UInt8] = []
    private var used = 0
    /// Decompressed bytes before `carry`.
    private var carryOffset = 0
    private var produced = 0
    private var sawStart = false
    private var atEnd = false
    public private(set) var declaration: [UInt8] = []
    /// True when the file has a DOCTYPE; such files are parsed in one piece instead.
    public private(set) var hasDocumentType = false
    /// What followed the last complete record: returned by ``finish()``.
    private var tail: [UInt8] = []

    public init(source: ByteSource, element: String) {
        self.source = source
        self.element = element
        open = Array("<\(element)".utf8)
        close = Array("</\(element)>".utf8)
    }

    /// The next batch, or `nil` at the end of the file.
    public mutating func next() throws -> Batch? {
        while !atEnd {
            if used >= targetBytes, let cut = lastClose() {
                return makeBatch(upTo: cut)
            }
            let n = try source.readNextChunk(into: &carry, at: used)
            guard n > 0 else {
                atEnd = true
                break
            }
            used += n
            if !sawStart { inspectPrologue() }
            if used > maximumRecordBytes + targetBytes, lastClose() == nil {
                throw InputError(.malformed, at: SourcePosition(file: source.path, byteOffset: carryOffset),
                                 "no </\(element)> within \(maximumRecordBytes >> 20) MB: a record this large is not a \(element) record")
            }
        }
        if let cut = lastClose() { return makeBatch(upTo: cut) }
        tail = Array(carry[0..<used])
        carry = []
        used = 0
        return nil
    }

    /// Bytes after the last complete record (they start on the line where
    /// the last batch ended; see ``XMLBatchCursor``).
    public var remainder: [UInt8] { tail }

    private mutating func inspectPrologue() {
        guard let first = firstOpen(from: 0) else { return }
        sawStart = true
        let prologue = carry[0..<first]
        if prologue.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: carry, from: 0, to: first) {
            declaration = Array(carry[0..<(end + 2)])
        }
        if find(Array("<!DOCTYPE".utf8), in: carry, from: 0, to: first) != nil { hasDocumentType = true }
    }

    private mutating func makeBatch(upTo end: Int) -> Batch? {
        let start = firstOpen(from: 0) ?? end
        let batch = Batch(index: produced, bytes: carry[start..<end], leadingLines: LineBreaks.count(carry[0..<start]),
                          declaration: declaration)
        // Keep only the unfinished record; the buffer's capacity is reused.
        let rest = used - end
        if rest > 0 {
            carry.withUnsafeMutableBufferPointer { b in
                _ = memmove(b.baseAddress!, b.baseAddress! + end, rest)
            }
        }
        used = rest
        carryOffset += end
        produced += 1
        return batch
    }

    /// Index just after the last `</element>` in the bytes read, or nil.
    private func lastClose() -> Int? {
        let bytes = carry
        let n = close.count
        guard used >= n else { return nil }
        var i = used - n
        while i >= 0 {
            if bytes[i] == 0x3C, bytes[i + 1] == 0x2F {
                var match = true
                for k in 2..<n where bytes[i + k] != close[k] { match = false; break }
                if match { return i + n }
            }
            i -= 1
        }
        return nil
    }

    /// Index of the first `<element` followed by space, `>` or `/` in the bytes read.
    private func firstOpen(from: Int) -> Int? {
        let bytes = carry
        var i = from
        while let j = find(open, in: bytes, from: i, to: used) {
            if j + open.count < used {
                let b = bytes[j + open.count]
                if b == 0x20 || b == 0x3E || b == 0x2F || b == 0x09 || b == 0x0A || b == 0x0D { return j }
            } else {
                return nil
            }
            i = j + 1
        }
        return nil
    }

    private func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard to - from >= needle.count, let first = needle.first else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            let base = buf.baseAddress!
            var i = from
            while i <= to - needle.count {
                guard let hit = memchr(base + i, Int32(first), to - needle.count + 1 - i) else { return nil }
                let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + j, needle, needle.count) == 0 { return j }
                i = j + 1
            }
            return nil
        }
    }
}
