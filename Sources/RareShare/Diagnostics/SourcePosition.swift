/// Where in an input something was found.
///
/// `line` is 1-based; `record` is the 1-based ordinal of the record in its
/// file (substance 18, work 3…); `byteOffset` is used where lines mean little
/// (gzip streams, one-line JSON).
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var record: Int?
    public var byteOffset: Int?

    public init(file: String, line: Int? = nil, record: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.record = record
        self.byteOffset = byteOffset
    }

    /// `file:line` (or `file@byte`, or `file` alone).
    public var description: String {
        if let line { return "\(file):\(line)" }
        if let byteOffset { return "\(file)@\(byteOffset)" }
        return file
    }
}
