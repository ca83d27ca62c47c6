/// A JSON text that does not follow RFC 8259, with the byte offset (0-based,
/// within the value being parsed) where the scanner gave up.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "byte \(offset) of the record: \(message)" }
}
