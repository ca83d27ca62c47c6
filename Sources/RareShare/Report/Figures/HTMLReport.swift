/// One self-contained HTML page: a header saying what made it (version,
/// date, command line, inputs, options), a contents list, the summary, every
/// figure inline as SVG with its table, the data-quality section and the
/// method written from the options used.
///
/// Self-contained means no script, stylesheet, font or image is fetched: the
/// page can be mailed, archived or opened offline and always looks the same.
/// It prints (and saves as PDF) with every year: tables are cut into blocks
/// of at most ``yearsPerBlock`` year columns, each block repeating the row
/// names, instead of relying on a horizontal scroll bar paper does not have;
/// a heading stays on the page of its chart.
public struct HTMLReport: Sendable {
    public struct Figure: Sendable {
        public var table: ProcessedTable
        public var svg: String
    }

    public var figures: [Figure]
    public var underived: [UnderivedTable]
    public var summary: String
    public var qualityText: String?
    public var ignoredRows: [String]
    /// What made the tables; `nil` for tables without a `run.json`.
    public var record: RunRecord?
    /// What was counted, plural.
    public var noun = "substances"
    /// Table rows shown per figure at most; longer tables are in their TSV file.
    public var rowLimit = 40
    /// Year columns per table block: 12 fit an A4 or Letter page upright.
    public var yearsPerBlock = 12

    public init(figures: [Figure], underived: [UnderivedTable], summary: String, qualityText: String?, ignoredRows: [String],
                record: RunRecord? = nil) {
        self.figures = figures
        self.underived = underived
        self.summary = summary
        self.qualityText = qualityText
        self.ignoredRows = ignoredRows
        self.record = record
    }

    public var title: String { "RareShare: countries' shares of new \(noun)" }

    static let style = """
    body { font-family: Helvetica, Arial, sans-serif; max-width: 980px; margin: 2em auto; color: #111; line-height: 1.45; }
    h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
    figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
    table { border-collapse: collapse; font-size: 0.8em; margin: 0.4em 0; }
    th, td { border: 1px solid #ddd; padding: 2px 5px; text-align: right; white-space: nowrap; }
    th:first-child, td:first-child { text-align: left; }
    table.facts th { text-align: left; vertical-align: top; }
    table.facts td { text-align: left; white-space: normal; overflow-wrap: anywhere; }
    pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.85em; white-space: pre-wrap; }
    .note { color: #555; font-size: 0.9em; }
    section.figure h2 { break-after: avoid; page-break-after: avoid; }
    @media print {
      body { max-width: none; margin: 0; font-size: 10pt; }
      h2 { break-after: avoid; page-break-after: avoid; }
      figure, tr, .keep { break-inside: avoid; page-break-inside: avoid; }
      table { font-size: 7.5pt; }
      pre { font-size: 7.5pt; overflow: visible; }
      nav { break-after: page; }
    }
    """

    public var html: String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>

        """
        out += header
        out += contents
        out += "<h2 id=\"summary\">Summary</h2>\n<pre>\(escape(summary))</pre>\n"
        for figure in figures {
            let t = figure.table
            out += "<section class=\"figure\">\n<h2 id=\"\(escape(t.spec.name))\">\(escape(t.spec.name)): \(escape(t.spec.title))</h2>\n"
            out += "<figure>\n\(figure.svg)<figcaption class=\"note\">\(escape(t.spec.name)).svg; values in \(escape(t.spec.name)).tsv</figcaption>\n</figure>\n"
            out += table(t) + "</section>\n"
        }
        out += "<h2 id=\"not-regenerated\">Tables not regenerated</h2>\n"
        if underived.isEmpty {
            out += "<p>None.</p>\n"
        } else {
            out += "<ul>\n" + underived.map { "<li><b>\(escape($0.name))</b>: \(escape($0.reason))</li>\n" }.joined() + "</ul>\n"
        }
        out += qualitySection
        out += "<h2 id=\"method\">Method</h2>\n"
        out += ReportMethod(record: record, noun: noun).paragraphs.map { "<p>\(escape($0))</p>\n" }.joined()
        out += "</body>\n</html>\n"
        return out
    }

    /// Version, date, command line, inputs and options of the run.
    var header: String {
        guard let r = record else {
            return "<p class=\"note\">Made by rareshare \(escape(RareShareVersion.current)) from tables without a run record (run.json).</p>\n"
        }
        var out = "<table class=\"facts keep\">\n"
        func row(_ k: String, _ v: String) { out += "<tr><th>\(escape(k))</th><td>\(escape(v))</td></tr>\n" }
        row("Program", "rareshare \(r.version)")
        row("Run", "\(RunRecord.timestamp(r.started)) to \(RunRecord.timestamp(r.finished))")
        row("Command line", r.commandText)
        row("Options", r.options.map { "--\($0.name) \($0.value.isEmpty ? "(none)" : $0.value)" }.joined(separator: "; "))
        out += "</table>\n<table class=\"facts keep\">\n<thead><tr><th>Input</th><th>Role</th><th>Size (bytes)</th><th>Records</th><th>SHA-256</th></tr></thead>\n<tbody>\n"
        for i in r.inputs {
            out += "<tr><td>\(escape(i.path))</td><td>\(escape(i.role))</td><td>\(NumberFormat.grouped(i.bytes))</td>"
            out += "<td>\(i.records.map(NumberFormat.grouped) ?? "–")</td><td><code>\(i.sha256)</code></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Links to every section.
    var contents: String {
        var items = [("summary", "Summary")]
        items += figures.map { ($0.table.spec.name, "\($0.table.spec.name): \($0.table.spec.title)") }
        items += [("not-regenerated", "Tables not regenerated"), ("data-quality", "Data quality"), ("method", "Method")]
        return "<nav>\n<h2>Contents</h2>\n<ol>\n" + items.map { "<li><a href=\"#\(escape($0.0))\">\(escape($0.1))</a></li>\n" }.joined() + "</ol>\n</nav>\n"
    }

    var qualitySection: String {
        var out = "<h2 id=\"data-quality\">Data quality</h2>\n"
        if let qualityText {
            out += "<pre>\(escape(qualityText))</pre>\n"
        } else {
            out += "<p class=\"note\">The tables came without a run's quality.txt (for example the paper's published tables), so there is no record-level data-quality section.</p>\n"
        }
        if !ignoredRows.isEmpty {
            out += "<p>Rows of the input tables that were not used (\(ignoredRows.count)):</p>\n<pre>"
            out += ignoredRows.prefix(200).map(escape).joined(separator: "\n")
            out += ignoredRows.count > 200 ? "\n… \(ignoredRows.count - 200) more</pre>\n" : "</pre>\n"
        }
        return out
    }

    /// The table in blocks of at most ``yearsPerBlock`` years, so every year prints.
    private func table(_ t: ProcessedTable) -> String {
        var out = ""
        let years = t.table.years
        for start in stride(from: 0, to: max(years.count, 1), by: max(yearsPerBlock, 1)) {
            let columns = start..<min(start + yearsPerBlock, years.count)
            out += "<table>\n<thead><tr><th>\(escape(t.table.corner))</th>"
            out += columns.map { "<th>\(years[$0])</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in t.table.rows.prefix(rowLimit) {
                out += "<tr><td>\(escape(row.key))</td>" + columns.map { "<td>\(escape(row.cells[$0]))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if t.table.rows.count > rowLimit {
            out += "<p class=\"note\">First \(rowLimit) of \(t.table.rows.count) rows; all of them are in \(escape(t.spec.name)).tsv.</p>\n"
        }
        return out
    }
}
