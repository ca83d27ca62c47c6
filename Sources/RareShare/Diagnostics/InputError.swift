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

    public var kind: Kind
    public var position: SourcePosition
    public var field: String?
    public var message: String

    public init(_ kind: Kind, at position: SourcePosition, field: String? = nil, _ message: String) {
        self.kind = kind
        self.position = position
        self.field = field
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
