/// What one reader did with one file: the counts a data-quality report adds up.
///
/// The invariant `recordsRead == recordsUsed + recordsSkipped` holds for
/// every reader; a file cut short adds a ``Problem`` of severity `.truncated`.
public struct ReadStatistics: Sendable, Equatable {
    public var file: String
    public var format: SourceFormat
    public var recordsRead = 0
    public var recordsUsed = 0
    public var recordsSkipped = 0
    public var bytes = 0
    public var minimumYear: Int?
    public var maximumYear: Int?

    public init(file: String, format: SourceFormat) {
        self.file = file
        self.format = format
    }

    /// Adds the counts and year range of another part of the same file.
    mutating func add(_ other: ReadStatistics) {
        recordsRead += other.recordsRead
        recordsUsed += other.recordsUsed
        recordsSkipped += other.recordsSkipped
        noteYear(other.minimumYear)
        noteYear(other.maximumYear)
    }

    mutating func noteYear(_ year: Int?) {
        guard let year else { return }
        minimumYear = Swift.min(minimumYear ?? year, year)
        maximumYear = Swift.max(maximumYear ?? year, year)
    }
}
