/// A reader of bibliographic records: every export format yields ``Work`` values.
public protocol WorkReader: Sendable {
    var format: SourceFormat { get }
    /// Reads every record of `path`, calling `body` once per usable record;
    /// records that cannot be used are counted and listed in `log`.
    func read(path: String, log: inout ProblemLog, _ body: (Work) throws -> Void) throws -> ReadStatistics
}

extension OpenAlexReader: WorkReader {
    public var format: SourceFormat { .openAlexJSON }
}
