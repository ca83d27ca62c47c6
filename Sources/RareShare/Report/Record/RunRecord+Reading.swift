import Foundation

extension RunRecord {
    /// Reads a `run.json` back (the figures and report of a tables folder
    /// show what made it); `nil` when the text is not a run record.
    public init?(json text: String) {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let commandLine = object["command_line"] as? [String] else { return nil }
        let stamp = ISO8601DateFormatter()
        func date(_ key: String) -> Date { (object[key] as? String).flatMap(stamp.date(from:)) ?? Date(timeIntervalSince1970: 0) }
        let options = (object["options"] as? [String: Any]) ?? [:]
        // JSONSerialization forgets key order; run.json lists options in the command's order, so read them in that order.
        let ordered = Self.keyOrder(in: text, of: "options").compactMap { key in (options[key] as? String).map { (name: key, value: $0) } }
        let inputs = ((object["inputs"] as? [[String: Any]]) ?? []).map { i in
            Input(role: i["role"] as? String ?? "", path: i["path"] as? String ?? "", bytes: (i["bytes"] as? NSNumber)?.intValue ?? 0,
                  sha256: i["sha256"] as? String ?? "", records: (i["records"] as? NSNumber)?.intValue)
        }
        self.init(commandLine: commandLine, options: ordered, inputs: inputs, started: date("started"), finished: date("finished"),
                  unit: object["unit"] as? String ?? "substance")
        version = object["version"] as? String ?? "unknown"
    }

    /// The option names as they appear in the text, one per line of the object `key`.
    static func keyOrder(in text: String, of key: String) -> [String] {
        guard let start = text.range(of: "\"\(key)\": {") else { return [] }
        var names: [String] = []
        for line in text[start.upperBound...].split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("}") { break }
            guard t.hasPrefix("\""), let end = t.dropFirst().firstIndex(of: "\"") else { continue }
            names.append(String(t[t.index(after: t.startIndex)..<end]))
        }
        return names
    }

    /// The value of one option, `nil` when the run did not record it.
    public func option(_ name: String) -> String? { options.first { $0.name == name }?.value }
}
