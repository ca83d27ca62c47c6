import Foundation

/// The text of the one-line progress display `analyze` redraws on stderr.
///
/// Sizes are binary megabytes and say so (MiB = 1,048,576 bytes). The line
/// is cut to one column less than the terminal: a line that wraps cannot be
/// taken back with `\r`, and each redraw would leave a stale line behind.
public struct ProgressLine: Sendable {
    public var stage: String
    public var file: String
    public var records: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    /// Seconds since the run started.
    public var elapsed: Double

    public init(stage: String, file: String, records: Int, bytesDone: Int, bytesTotal: Int, elapsed: Double) {
        self.stage = stage
        self.file = file
        self.records = records
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.elapsed = elapsed
    }

    /// The line for a terminal `width` columns wide (never wider than `width - 1`).
    public func text(width: Int) -> String {
        let mib = 1_048_576.0
        let rate = elapsed > 0 ? Double(bytesDone) / elapsed : 0
        let eta = rate > 0 && bytesTotal > bytesDone ? Double(bytesTotal - bytesDone) / rate : 0
        let name = (file as NSString).lastPathComponent
        let line = "\(stage) \(name): \(NumberFormat.grouped(records)) records | "
            + String(format: "%.0f of %.0f MiB | %.1f MiB/s | ", Double(bytesDone) / mib, Double(bytesTotal) / mib, rate / mib)
            + "\(Self.clock(elapsed)) elapsed | ETA \(Self.clock(eta))"
        return Self.fitted(line, width: width)
    }

    /// `text` cut to `width - 1` columns (at least 10), ending in "…" when cut.
    public static func fitted(_ text: String, width: Int) -> String {
        let room = max(width - 1, 10)
        return text.count <= room ? text : String(text.prefix(room - 1)) + "…"
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
