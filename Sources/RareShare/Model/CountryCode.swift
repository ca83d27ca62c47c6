/// An ISO 3166-1 alpha-2 country code, packed into two bytes.
///
/// Codes are interned as a `UInt16` so that join indexes holding millions of
/// author countries stay compact and hash quickly. Territories the reference
/// study keeps apart (HK, TW, MO, PR) are ordinary codes here.
public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The two ASCII capital letters, first letter in the high byte.
    public let rawValue: UInt16

    /// Creates a code from two ASCII letters in either case; `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 2 else { return nil }
        guard let hi = CountryCode.upper(bytes[0]), let lo = CountryCode.upper(bytes[1]) else { return nil }
        rawValue = UInt16(hi) << 8 | UInt16(lo)
    }

    /// Creates a code from the two bytes of its UTF-8 text, ASCII letters in either case; `nil` for anything else.
    public init?(utf8 first: UInt8, _ second: UInt8) {
        guard let hi = CountryCode.upper(first), let lo = CountryCode.upper(second) else { return nil }
        rawValue = UInt16(hi) << 8 | UInt16(lo)
    }

    /// Creates a code from its packed form, as stored in indexes.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    private static func upper(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return b
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return b - 32
        default: return nil
        }
    }

    /// The code as two capital letters, e.g. `"CN"`.
    public var description: String {
        String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], as: UTF8.self)
    }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension CountryCode: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CountryCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a country code: \(text)"))
        }
        self = code
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
