/// The version printed by `rareshare --version` and recorded in every
/// `run.json` and report header, so a table can be traced to the program
/// that made it.
public enum RareShareVersion {
    public static let current = "1.1.0"
}
