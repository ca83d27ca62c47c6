import Foundation

/// What made a folder of tables: program version, command line, every
/// option, each input (size, SHA-256, records) and the start and end time.
/// Written as `run.json` beside the tables and shown at the top of the
/// report, so a table found on a disk months later can be traced and redone.
public struct RunRecord: Sendable {
    /// One input file.
    public struct Input: Sendable, Equatable {
        /// The role on the command line: `substances`, `citations` or `works`.
        public var role: String
        public var path: String
        /// Size on disk in bytes (compressed size for gzip).
        public var bytes: Int
        /// SHA-256 of the bytes on disk, 64 hex digits.
        public var sha256: String
        /// Records read from it (`nil` when the run did not read it).
        public var records: Int?

        public init(role: String, path: String, bytes: Int, sha256: String, records: Int?) {
            self.role = role
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.records = records
        }
    }

    public var version = RareShareVersion.current
    /// The arguments as typed, program name first.
    public var commandLine: [String]
    /// Every option with the value the run used, defaults included, in a fixed order.
    public var options: [(name: String, value: String)]
    public var inputs: [Input]
    public var started: Date
    public var finished: Date
    /// What was counted: `substance` or `publication`.
    public var unit: String

    public init(commandLine: [String], options: [(name: String, value: String)], inputs: [Input],
                started: Date, finished: Date, unit: String) {
        self.commandLine = commandLine
        self.options = options
        self.inputs = inputs
        self.started = started
        self.finished = finished
        self.unit = unit
    }

    /// Sizes and digests of the inputs; records are filled in from the run's statistics.
    /// - Throws: ``InputError`` when a file cannot be read.
    public static func inputs(_ files: [(role: String, path: String)]) throws -> [Input] {
        try files.map { f in
            let size = (try? FileManager.default.attributesOfItem(atPath: f.path)[.size] as? Int) ?? 0
            return Input(role: f.role, path: f.path, bytes: size, sha256: try SHA256.file(f.path), records: nil)
        }
    }

    /// Fills each input's record count from the run's per-file statistics.
    public mutating func count(_ files: [ReadStatistics]) {
        for i in inputs.indices {
            let matching = files.filter { $0.file == inputs[i].path }
            if !matching.isEmpty { inputs[i].records = matching.reduce(0) { $0 + $1.recordsRead } }
        }
    }

    /// ISO 8601 in UTC, to the second.
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// The command line as one shell-quoted string.
    public var commandText: String {
        commandLine.map { arg in
            arg.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,@".contains($0) }) && !arg.isEmpty
                ? arg : "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    /// `run.json`: keys in a fixed order, so two records of the same run differ only in times.
    public var json: String {
        var out = "{\n"
        out += "  \"program\": \"rareshare\",\n"
        out += "  \"version\": \(JSONText.quote(version)),\n"
        out += "  \"command_line\": [" + commandLine.map(JSONText.quote).joined(separator: ", ") + "],\n"
        out += "  \"unit\": \(JSONText.quote(unit)),\n"
        out += "  \"options\": {\n" + options.map { "    \(JSONText.quote($0.name)): \(JSONText.quote($0.value))" }.joined(separator: ",\n") + "\n  },\n"
        out += "  \"inputs\": [\n" + inputs.map { i in
            "    {\"role\": \(JSONText.quote(i.role)), \"path\": \(JSONText.quote(i.path)), \"bytes\": \(i.bytes), " +
                "\"sha256\": \"\(i.sha256)\", \"records\": \(i.records.map(String.init) ?? "null")}"
        }.joined(separator: ",\n") + (inputs.isEmpty ? "" : "\n") + "  ],\n"
        out += "  \"started\": \"\(Self.timestamp(started))\",\n"
        out += "  \"finished\": \"\(Self.timestamp(finished))\",\n"
        out += "  \"seconds\": \(NumberFormat.fixed(finished.timeIntervalSince(started), decimals: 3))\n"
        out += "}\n"
        return out
    }

    /// The options as a JSON object body (for `measures.json`), two-space indented at `indent`.
    public func optionsJSON(indent: String) -> String {
        "{\n" + options.map { "\(indent)  \(JSONText.quote($0.name)): \(JSONText.quote($0.value))" }.joined(separator: ",\n") + "\n\(indent)}"
    }
}
