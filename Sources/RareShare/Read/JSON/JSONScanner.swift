#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull parser over one complete JSON value held in memory.
///
/// Readers walk the structure they need (`enterObject`/`nextMember`,
/// `enterArray`/`nextElement`) and `skipValue()` the rest, so nothing is
/// materialised that is not used: this is what lets OpenAlex works be read
/// several times faster than with Foundation's decoders. Skipping still
/// validates: strings (escapes, `\u` surrogate pairs, control characters),
/// numbers (the RFC 8259 grammar) and nesting are checked everywhere.
///
/// The scanner borrows its bytes; it must not outlive the buffer it was made on.
public struct JSONScanner {
    public enum Kind: Sendable { case object, array, string, number, bool, null }

    /// A key of the object being walked, as a range of the underlying bytes.
    public struct Key {
        fileprivate let start: Int
        fileprivate let count: Int
        fileprivate let hasEscapes: Bool
    }

    /// A string value as a range of the underlying bytes, checked as
    /// ``readString()`` checks it but not yet made a `String`: readers keep
    /// spans of what they may need and make strings only of what they use.
    public struct StringSpan {
        fileprivate let start: Int
        fileprivate let count: Int
        fileprivate let hasEscapes: Bool

        public var isEmpty: Bool { count == 0 }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var offset = 0
    private var depth = 0
    public static let maximumDepth = 512

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: - Low level

    @inline(__always)
    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    @inline(__always)
    private func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(offset: offset, message) }

    @inline(__always)
    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset < bytes.count else { throw fail("unexpected end, expected \(what)") }
        guard bytes[offset] == byte else { throw fail("expected \(what), found \(describe(bytes[offset]))") }
        offset += 1
    }

    private func describe(_ b: UInt8) -> String {
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16))"
    }

    /// The kind of the next value, without consuming it.
    public mutating func peekKind() throws(JSONSyntaxError) -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw fail("unexpected end of value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw fail("unexpected \(describe(bytes[offset]))")
        }
    }

    /// True when only whitespace is left.
    public mutating func isAtEnd() -> Bool {
        skipWhitespace()
        return offset >= bytes.count
    }

    // MARK: - Objects and arrays

    /// Consumes `{`.
    public mutating func enterObject() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "'{'")
        depth += 1
        if depth > JSONScanner.maximumDepth { throw fail("nested deeper than \(JSONScanner.maximumDepth)") }
        firstMember = true
    }

    private var firstMember = true
    private var firstElement = true

    /// The next member's key, positioned at its value; `nil` after consuming `}`.
    public mutating func nextMember() throws(JSONSyntaxError) -> Key? {
        skipWhitespace()
        guard offset < bytes.count else { throw fail("unexpected end inside an object") }
        if bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            firstMember = false
            return nil
        }
        if !firstMember {
            guard bytes[offset] == UInt8(ascii: ",") else { throw fail("expected ',' or '}', found \(describe(bytes[offset]))") }
            offset += 1
            skipWhitespace()
        }
        firstMember = false
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw fail("expected a member name")
        }
        let (start, end, escapes) = try scanString()
        try expect(UInt8(ascii: ":"), "':'")
        return Key(start: start, count: end - start, hasEscapes: escapes)
    }

    /// Consumes `[`.
    public mutating func enterArray() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "["), "'['")
        depth += 1
        if depth > JSONScanner.maximumDepth { throw fail("nested deeper than \(JSONScanner.maximumDepth)") }
        firstElement = true
    }

    /// True when positioned at the next element; false after consuming `]`.
    public mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw fail("unexpected end inside an array") }
        if bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            firstElement = false
            return false
        }
        if !firstElement {
            guard bytes[offset] == UInt8(ascii: ",") else { throw fail("expected ',' or ']', found \(describe(bytes[offset]))") }
            offset += 1
        }
        firstElement = false
        return true
    }

    /// Whether `key` spells `literal` (keys with escapes are decoded first).
    public func key(_ key: Key, is literal: StaticString) -> Bool {
        if key.hasEscapes { return keyString(key) == literal.description }
        guard key.count == literal.utf8CodeUnitCount else { return false }
        let lit = literal.utf8Start
        for i in 0..<key.count where bytes[key.start + i] != lit[i] { return false }
        return true
    }

    /// The key as a string.
    public func keyString(_ key: Key) -> String {
        if !key.hasEscapes {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[key.start..<key.start + key.count]), as: UTF8.self)
        }
        var copy = JSONScanner(bytes)
        copy.offset = key.start - 1
        return (try? copy.readString()) ?? ""
    }

    // MARK: - Scalars

    /// Reads a string value, decoding escapes.
    public mutating func readString() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        let (start, end, escapes) = try scanString()
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !escapes { return String(decoding: raw, as: UTF8.self) }
        return try decodeEscapes(raw, at: start)
    }

    /// Reads a string value as a span, validating it exactly as ``readString()``
    /// does (escapes, surrogate pairs) without making a `String`.
    public mutating func readStringSpan() throws(JSONSyntaxError) -> StringSpan {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        let (start, end, escapes) = try scanString()
        if escapes { _ = try decodeEscapes(UnsafeBufferPointer(rebasing: bytes[start..<end]), at: start) }
        return StringSpan(start: start, count: end - start, hasEscapes: escapes)
    }

    /// Like ``readOptionalString()``, as a span.
    public mutating func readOptionalStringSpan() throws(JSONSyntaxError) -> StringSpan? {
        switch try peekKind() {
        case .string: return try readStringSpan()
        default:
            try skipValue()
            return nil
        }
    }

    /// The string a span holds, escapes decoded.
    public func string(_ span: StringSpan) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.start + span.count])
        if !span.hasEscapes { return String(decoding: raw, as: UTF8.self) }
        // Validated when the span was read, so decoding cannot fail.
        return (try? decodeEscapes(raw, at: span.start)) ?? ""
    }

    /// Whether two spans hold equal strings (`String` equality): equal bytes
    /// are equal strings, different ASCII bytes are different strings, and
    /// anything else is compared as strings.
    public func equal(_ a: StringSpan, _ b: StringSpan) -> Bool {
        if !a.hasEscapes && !b.hasEscapes {
            if a.count == b.count && memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, a.count) == 0 { return true }
            if isASCII(a) && isASCII(b) { return false }
        }
        return string(a) == string(b)
    }

    private func isASCII(_ span: StringSpan) -> Bool {
        for i in span.start..<span.start + span.count where bytes[i] >= 0x80 { return false }
        return true
    }

    /// Reads a string that should be a country code: the code, or `nil` for
    /// anything else (as `readOptionalString().flatMap(CountryCode.init)`,
    /// without making a string).
    public mutating func readOptionalCountryCode() throws(JSONSyntaxError) -> CountryCode? {
        guard let span = try readOptionalStringSpan() else { return nil }
        if span.hasEscapes { return CountryCode(string(span)) }
        guard span.count == 2 else { return nil }
        return CountryCode(utf8: bytes[span.start], bytes[span.start + 1])
    }

    /// Reads a string, or `nil` for `null`; other kinds are skipped and give `nil`.
    public mutating func readOptionalString() throws(JSONSyntaxError) -> String? {
        switch try peekKind() {
        case .string: return try readString()
        default:
            try skipValue()
            return nil
        }
    }

    /// Reads an integer, or `nil` for `null` or a non-integral number; other kinds are skipped.
    public mutating func readOptionalInt() throws(JSONSyntaxError) -> Int? {
        guard try peekKind() == .number else {
            try skipValue()
            return nil
        }
        let start = offset
        try scanNumber()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        return Int(text)
    }

    /// Reads `true`/`false`, or `nil` for anything else (skipped).
    public mutating func readOptionalBool() throws(JSONSyntaxError) -> Bool? {
        guard try peekKind() == .bool else {
            try skipValue()
            return nil
        }
        if bytes[offset] == UInt8(ascii: "t") { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// Skips the next value of any kind, validating it.
    public mutating func skipValue() throws(JSONSyntaxError) {
        switch try peekKind() {
        case .string: _ = try scanString()
        case .number: try scanNumber()
        case .bool: if bytes[offset] == UInt8(ascii: "t") { try literal("true") } else { try literal("false") }
        case .null: try literal("null")
        case .object:
            try enterObject()
            while try nextMember() != nil { try skipValue() }
        case .array:
            try enterArray()
            while try nextElement() { try skipValue() }
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard offset + n <= bytes.count else { throw fail("unexpected end in a literal") }
        for i in 0..<n where bytes[offset + i] != word.utf8Start[i] { throw fail("invalid literal") }
        offset += n
    }

    /// Scans a string starting at the opening quote; returns the content's byte range.
    private mutating func scanString() throws(JSONSyntaxError) -> (Int, Int, Bool) {
        offset += 1
        let start = offset
        var escapes = false
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while offset < count {
            // Eight bytes at a time to the next quote, backslash or control
            // character (SWAR tests: a word may flag bytes above its first
            // hit too, but the lowest flag is exact, so the scan stops on
            // the first such byte and the byte code below handles it).
            while offset &+ 8 <= count {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let quote = w ^ 0x2222_2222_2222_2222
                let backslash = w ^ 0x5C5C_5C5C_5C5C_5C5C
                let hits = (((quote &- 0x0101_0101_0101_0101) & ~quote)
                    | ((backslash &- 0x0101_0101_0101_0101) & ~backslash)
                    | ((w &- 0x2020_2020_2020_2020) & ~w)) & 0x8080_8080_8080_8080
                if hits != 0 {
                    offset &+= hits.trailingZeroBitCount &>> 3
                    break
                }
                offset &+= 8
            }
            guard offset < count else { break }
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                let end = offset
                offset += 1
                return (start, end, escapes)
            }
            if b == UInt8(ascii: "\\") {
                escapes = true
                offset += 1
                guard offset < bytes.count else { break }
                switch bytes[offset] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    offset += 1
                case UInt8(ascii: "u"):
                    guard offset + 4 < bytes.count else { throw fail("unexpected end in a \\u escape") }
                    for i in 1...4 where hexValue(bytes[offset + i]) == nil { throw fail("invalid \\u escape") }
                    offset += 5
                default:
                    throw fail("invalid escape \\\(describe(bytes[offset]))")
                }
                continue
            }
            if b < 0x20 { throw fail("control character \(describe(b)) inside a string") }
            offset += 1
        }
        throw fail("unterminated string")
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - 55)
        default: nil
        }
    }

    private func decodeEscapes(_ raw: UnsafeBufferPointer<UInt8>, at base: Int) throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<4 { v = v << 4 | (hexValue(raw[at + k]) ?? 0) }
            return v
        }
        while i < raw.count {
            let b = raw[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if i + 5 < raw.count + 0, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") {
                        let low = hex4(i + 2)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        } else {
                            throw JSONSyntaxError(offset: base + i, "unpaired high surrogate")
                        }
                    } else {
                        throw JSONSyntaxError(offset: base + i, "unpaired high surrogate")
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw JSONSyntaxError(offset: base + i, "unpaired low surrogate")
                }
                guard let u = Unicode.Scalar(scalar) else { throw JSONSyntaxError(offset: base + i, "invalid code point") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: out.append(e)   // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scans a number per the RFC 8259 grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func scanNumber() throws(JSONSyntaxError) {
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("invalid number") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) { throw fail("leading zero in a number") }
        } else {
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("no digit after a decimal point") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw fail("no digit in an exponent") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
    }
}
