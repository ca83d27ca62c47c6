/// Places the results of batches, parsed independently, in their file.
///
/// A batch is parsed with positions counted from its own first line and
/// first record, so that no worker waits for another to know where it
/// starts. Results are consumed in batch order; the cursor adds the lines
/// and records of everything before, which makes every problem's line and
/// record number the file's own, whatever the batch size or thread count.
struct XMLBatchCursor {
    /// Line (1-based) where the next unplaced text starts.
    private(set) var line = 1
    /// Records in the batches placed so far.
    private(set) var records = 0

    /// Moves `result`'s positions from its batch to the file, then advances
    /// past the batch. `leadingLines` is the batch's
    /// ``XMLRecordChunker/Batch/leadingLines``.
    mutating func place<Record>(_ result: inout XMLBatchResult<Record>, leadingLines: Int) {
        line += leadingLines
        result.log.shiftPositions(lines: line - 1, records: records)
        records += result.stats.recordsRead
        line += result.lines
    }
}
