/// A fatal problem with an input file as a whole: missing, unreadable, of an
/// unknown format, or (under `--strict`) any per-record problem.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case missing
        case unreadable
        case unknownFormat
        case badEncoding
        case malformed
        case strictProblem
    }

    /// What lies underneath, where a library or the system said: for a
    /// person reading the message and for a program telling causes apart.
    public enum Cause: Sendable, Equatable, CustomStringConvertible {
        /// A system call failed with this `errno` (e.g. 13, EACCES).
        case errno(Int32)
        /// zlib returned this status (e.g. -3, Z_DATA_ERROR).
        case zlib(Int32)
        /// libxml2 reported this error code (`xmlParserErrors`, e.g. 76 for a
        /// tag mismatch), at this 1-based column of the line where known.
        case libxml2(code: Int32, column: Int?)

        public var description: String {
            switch self {
            case .errno(let e): "errno \(e)"
            case .zlib(let status): "zlib \(GzipDamage.zlibName(status))"
            case .libxml2(let code, let column): "libxml2 error \(code)" + (column.map { ", column \($0)" } ?? "")
            }
        }
    }

    public var kind: Kind
    public var position: SourcePosition
    public var field: String?
    public var message: String
    public var cause: Cause?

    public init(_ kind: Kind, at position: SourcePosition, field: String? = nil, cause: Cause? = nil, _ message: String) {
        self.kind = kind
        self.position = position
        self.field = field
        self.cause = cause
        self.message = message
    }

    public init(strict problem: Problem) {
        self.init(.strictProblem, at: problem.position, field: problem.field, problem.description)
    }

    public var description: String {
        if kind == .strictProblem { return message }
        var s = position.description + ": "
        if let field { s += "\(field): " }
        return s + message
    }

    /// The BSD sysexits code a command exits with for this error: 66 for
    /// missing or unreadable input, 65 for bad data.
    public var exitCode: Int32 {
        switch kind {
        case .missing, .unreadable: 66
        case .unknownFormat, .badEncoding, .malformed, .strictProblem: 65
        }
    }
}
