/// A located, non-fatal finding about the input: a record skipped, a field
/// ignored, a file cut short.
///
/// Problems are kept apart from fatal errors (``InputError``): a run goes on
/// past them, counts them and lists them in `problems.tsv`; `--strict`
/// promotes the first one to a failure.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The record was not used.
        case skippedRecord = "skipped"
        /// The record was used, but a field was ignored or repaired.
        case warning = "warning"
        /// The file ended before a record was complete; records before the cut are kept.
        case truncated = "truncated"
    }

    public var severity: Severity
    public var position: SourcePosition
    /// What kind of record, e.g. `substance`, `citation`, `work`.
    public var recordKind: String?
    /// The record's own id where known (XRN, CNR, DOI…), to make the message findable.
    public var recordID: String?
    /// The field at fault, e.g. `CIT.PY`.
    public var field: String?
    /// One line a person understands.
    public var reason: String

    public init(_ severity: Severity, at position: SourcePosition, recordKind: String? = nil, recordID: String? = nil,
                field: String? = nil, reason: String) {
        self.severity = severity
        self.position = position
        self.recordKind = recordKind
        self.recordID = recordID
        self.field = field
        self.reason = reason
    }

    /// `substances-03.xml:48211: substance 18 (XRN 1234567): CIT.PY: "19x6" is not a year`.
    public var description: String {
        var s = position.description + ": "
        if let recordKind {
            s += recordKind
            if let r = position.record { s += " \(r)" }
            if let recordID { s += " (\(recordID))" }
            s += ": "
        } else if let r = position.record {
            s += "record \(r): "
        }
        if let field { s += "\(field): " }
        s += reason
        return s
    }
}
