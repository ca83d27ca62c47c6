/// Converts a UTF-16 byte stream to UTF-8 one chunk at a time.
///
/// Web of Science saves its "Windows, UTF-16" tab-delimited export as
/// UTF-16LE with a byte-order mark; every other reader works on UTF-8 bytes,
/// so the conversion happens once, at the bottom, chunk by chunk. A code unit
/// split between two chunks, or a surrogate pair split between two chunks, is
/// carried over to the next call. Unpaired surrogates become U+FFFD.
/// - Complexity: O(chunk) per call; memory one chunk plus three bytes.
public struct UTF16Transcoder: Sendable {
    public enum ByteOrder: Sendable { case littleEndian, bigEndian }

    public let byteOrder: ByteOrder
    private var carry: UInt8?
    private var highSurrogate: UInt16?

    public init(byteOrder: ByteOrder) { self.byteOrder = byteOrder }

    /// The byte order announced by a BOM at the start of `head`, and the BOM's length.
    public static func byteOrderMark(_ head: some Collection<UInt8>) -> ByteOrder? {
        var it = head.makeIterator()
        guard let a = it.next(), let b = it.next() else { return nil }
        if a == 0xFF && b == 0xFE { return .littleEndian }
        if a == 0xFE && b == 0xFF { return .bigEndian }
        return nil
    }

    /// The UTF-8 bytes for `chunk`, given the bytes of earlier chunks.
    public mutating func convert(_ chunk: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(chunk.count * 3 / 2)
        for byte in chunk {
            guard let first = carry else { carry = byte; continue }
            carry = nil
            let unit: UInt16 = byteOrder == .littleEndian
                ? UInt16(first) | UInt16(byte) << 8
                : UInt16(first) << 8 | UInt16(byte)
            emit(unit, into: &out)
        }
        return out
    }

    /// Bytes for whatever an odd-length or surrogate-cut stream left behind.
    public mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        if highSurrogate != nil || carry != nil { Self.append(0xFFFD, to: &out) }
        highSurrogate = nil
        carry = nil
        return out
    }

    private mutating func emit(_ unit: UInt16, into out: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                Self.append(scalar, to: &out)
                return
            }
            Self.append(0xFFFD, to: &out)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: Self.append(0xFFFD, to: &out)
        default: Self.append(UInt32(unit), to: &out)
        }
    }

    private static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
