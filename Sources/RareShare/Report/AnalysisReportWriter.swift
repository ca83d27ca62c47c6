import Foundation

/// Writes a run's tables and data-quality files into one folder.
///
/// - `Country_weighted_*.tsv`, `Absolute_collab_*.tsv`, `Figure2a.tsv`, and the
///   composition tables: the paper's `raw/` layout, so the paper's figures can
///   be regenerated from them;
/// - `Coverage.tsv`: the layout of the paper's `FigureS1.tsv`;
/// - `measures.csv` / `measures.json`: every measure in long form;
/// - `quality.txt`, `files.tsv`, `problems.tsv`, `unresolved_affiliations.tsv`,
///   `substances_without_year.txt`: what was skipped, why, and where.
public struct AnalysisReportWriter {
    public let folder: String
    /// Top lists, network and SCP/MCP ranges (see ``CountingComparison``).
    public var counting = CountingComparison.Settings()
    /// What made the run: written as `run.json`, its options also into `measures.json`.
    public var record: RunRecord?

    public init(folder: String) { self.folder = folder }

    /// Writes every file; returns their names in the order written.
    ///
    /// The files' texts are independent, and with a run's full tallies some
    /// take a while (the long-form measures have a row per country, region
    /// and year), so they are made on all cores, then written in order.
    @discardableResult
    public func write(_ result: AnalysisResult) throws -> [String] {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw OutputError(.cannotCreate, path: folder, errno: OutputFolder.errno(of: error), "cannot create the folder: \(OutputFolder.reason(error))")
        }
        let files = makers(result)
        let texts = ConcurrentMap.values(count: files.count) { files[$0].make() }
        var written: [String] = []
        for (i, file) in files.enumerated() {
            let path = (folder as NSString).appendingPathComponent(file.name)
            try OutputFolder.write(texts[i], toFile: path)
            written.append(file.name)
        }
        return written
    }

    /// One output file: its name and how to make its text.
    private struct FileMaker: Sendable {
        var name: String
        var make: @Sendable () -> String
    }

    private func makers(_ result: AnalysisResult) -> [FileMaker] {
        var files: [FileMaker] = []
        func put(_ name: String, _ make: @escaping @Sendable () -> String) { files.append(FileMaker(name: name, make: make)) }
        let tally = result.tally
        let years = PaperTables.yearSpan(tally)
        let regions = result.unit == .substance ? Region.allCases : [Region.all]
        for region in regions {
            put(PaperTables.weightedFileName(region)) { PaperTables.weighted(tally, region: region, years: years).tsv }
            put(PaperTables.collabFileName(region)) { PaperTables.collaborations(tally, region: region, years: years).tsv }
            if result.unit == .substance, let stem = PaperTables.compositionStem(region) {
                put("\(stem)_compositions_byYear.tsv") { PaperTables.compositions(tally, region: region, years: years, elements: false).tsv }
                put("\(stem)_elements_byYear.tsv") { PaperTables.compositions(tally, region: region, years: years, elements: true).tsv }
            }
        }
        put(PaperTables.totalsFileName) { PaperTables.totals(tally, regions: regions, years: years).tsv }
        put("Coverage.tsv") { Self.coverageTable(result, years: years) }
        let rows = LongFormRows.rows(tally)
        put("measures.csv") { Self.csv(rows) }
        let record = self.record
        put("measures.json") { Self.json(rows, result: result, options: record) }
        put("quality.txt") { QualityReport(result: result).text }
        put("files.tsv") { Self.filesTable(result.quality) }
        put("problems.tsv") { Self.problemsTable(result.quality.problems) }
        put("unresolved_affiliations.tsv") {
            "count\taffiliation\n" + result.quality.unresolvedAffiliations
                .map { "\($0.count)\t\(Self.clean($0.affiliation))" }.joined(separator: "\n") + (result.quality.unresolvedAffiliations.isEmpty ? "" : "\n")
        }
        if result.unit == .substance {
            put("substances_without_year.txt") { result.quality.substancesWithoutYearListed.map { $0 + "\n" }.joined() }
        }
        for file in CountingComparison.files(for: result, regions: regions, years: years, settings: counting) {
            let text = file.text
            put(file.name) { text }
        }
        if let record { put("run.json") { record.json } }
        return files
    }

    /// Tabs and line breaks inside a cell would break the TSV.
    static func clean(_ s: String) -> String {
        String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// A file name as a TSV cell: tab, line feed, carriage return and the
    /// backslash written `\t`, `\n`, `\r`, `\\`, so that the name can be read
    /// back exactly (a name may hold any byte but `/` and NUL).
    static func escapedName(_ s: String) -> String {
        // Scalars, not characters: "\r\n" is one Character.
        guard s.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\t": out += "\\t".unicodeScalars
            case "\n": out += "\\n".unicodeScalars
            case "\r": out += "\\r".unicodeScalars
            case "\\": out += "\\\\".unicodeScalars
            default: out.append(u)
            }
        }
        return String(out)
    }

    private static func coverageTable(_ result: AnalysisResult, years: [Int]) -> String {
        let noun = result.unit == .substance ? "Reaxys substances" : "Publications"
        var out = "\t\(noun)\tMerged data\tPercentage\n"
        for y in years {
            let t = result.tally.tally(.all, y)
            let pct = ShareMeasures(t).coverage.map { NumberFormat.fixed($0) } ?? ""
            out += "\(y)\t\(t.units)\t\(t.attributed)\t\(pct)\n"
        }
        return out
    }

    private static func csv(_ rows: [LongFormRows.Row]) -> String {
        var out = "region,year,measure,key,value\n"
        for r in rows {
            let key = r.key.contains(",") ? "\"\(r.key)\"" : r.key
            out += "\(r.region),\(r.year),\(r.measure),\(key),\(r.value)\n"
        }
        return out
    }

    private static func json(_ rows: [LongFormRows.Row], result: AnalysisResult, options record: RunRecord?) -> String {
        var out = "{\n  \"unit\": \"\(result.unit.rawValue)\",\n"
        if let record {
            out += "  \"version\": \(JSONText.quote(record.version)),\n  \"options\": \(record.optionsJSON(indent: "  ")),\n"
        }
        out += "  \"measures\": [\n"
        out += rows.map { r in
            "    {\"region\": \"\(r.region)\", \"year\": \(r.year), \"measure\": \"\(r.measure)\", \"key\": \(JSONText.quote(r.key)), \"value\": \(r.value.isFinite ? "\(r.value)" : "null")}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }

    private static func filesTable(_ q: DataQuality) -> String {
        var out = "file\tformat\trecords_read\trecords_used\trecords_skipped\tbytes\tfirst_year\tlast_year\n"
        for f in q.files {
            out += "\(Self.escapedName(f.file))\t\(f.format.rawValue)\t\(f.recordsRead)\t\(f.recordsUsed)\t\(f.recordsSkipped)\t\(f.bytes)\t\(f.minimumYear.map(String.init) ?? "")\t\(f.maximumYear.map(String.init) ?? "")\n"
        }
        return out
    }

    private static func problemsTable(_ log: ProblemLog) -> String {
        var out = "severity\tfile\tline\trecord\trecord_kind\trecord_id\tfield\treason\n"
        for p in log.problems {
            let cells = [p.position.line.map(String.init) ?? "",
                         p.position.record.map(String.init) ?? "", p.recordKind ?? "", p.recordID ?? "", p.field ?? "", p.reason]
            out += ([p.severity.rawValue, Self.escapedName(p.position.file)] + cells.map(Self.clean)).joined(separator: "\t") + "\n"
        }
        if log.unlisted > 0 { out += "# \(log.unlisted) more problems were counted but not listed\n" }
        return out
    }
}
