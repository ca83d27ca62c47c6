/// The result of a run: the tallies and what was found about the input.
public struct AnalysisResult: Sendable {
    public var unit: CountingUnit
    public var tally: ShareTally
    public var quality: DataQuality
    /// The tally per counting method asked for (the paper's first), the
    /// network and the SCP/MCP counts when asked; `nil` for results not made by a run.
    public var counting: CountingResults? = nil

    /// The tallies of every counting method, the paper's first.
    public var methodTallies: [ShareTally] { counting?.tallies ?? [tally] }
}

/// What one counted unit is.
public enum CountingUnit: String, Sendable, Codable {
    /// A substance at its first report (Reaxys input).
    case substance
    /// A publication (bibliographic input only).
    case publication
}
