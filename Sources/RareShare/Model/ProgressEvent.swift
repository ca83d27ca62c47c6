/// Progress of a long run, for a terminal display.
public struct ProgressEvent: Sendable {
    public var stage: String
    public var file: String
    public var bytesDone: Int
    public var bytesTotal: Int
    public var records: Int
}
