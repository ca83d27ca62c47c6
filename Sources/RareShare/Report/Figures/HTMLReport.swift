/// One self-contained HTML page: every figure inline as SVG with its table
/// below it, the run's data-quality notes and the method in a paragraph.
///
/// Self-contained means no script, stylesheet, font or image is fetched: the
/// page can be mailed, archived or opened offline and always looks the same.
public struct HTMLReport: Sendable {
    public struct Figure: Sendable {
        public var table: ProcessedTable
        public var svg: String
    }

    public var title = "RareShare: countries' shares of new substances"
    public var figures: [Figure]
    public var underived: [UnderivedTable]
    public var summary: String
    public var qualityText: String?
    public var ignoredRows: [String]
    /// Table rows shown per figure at most; longer tables are in their TSV file.
    public var rowLimit = 40

    public init(figures: [Figure], underived: [UnderivedTable], summary: String, qualityText: String?, ignoredRows: [String]) {
        self.figures = figures
        self.underived = underived
        self.summary = summary
        self.qualityText = qualityText
        self.ignoredRows = ignoredRows
    }

    /// METRICS.md's method, in one paragraph.
    public static let method = """
    Each new substance is counted once, in the year of its first report. The authors of that \
    publication are attributed to countries by their first affiliation; a country's weight in a \
    year is the sum over substances of its fraction of the authors, and its share is that weight \
    in percent of all new substances of the year (unattributed ones included). "Alone" counts \
    substances whose authors all come from one country; a collaboration share counts substances \
    whose set of countries is exactly the one named; the solo ratio is the alone count in percent \
    of the weight; the joint ratio is the number of substances whose country set contains both \
    countries, divided by one country's weight. Regions of the chemical space (organic, \
    organometallic, rare-earth) are cut by the molecular formula. Top lists rank countries (or \
    sets) in each year and average the ranks.
    """

    public var html: String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; max-width: 980px; margin: 2em auto; color: #111; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
        table { border-collapse: collapse; font-size: 0.8em; display: block; overflow-x: auto; }
        th, td { border: 1px solid #ddd; padding: 2px 5px; text-align: right; white-space: nowrap; }
        th:first-child, td:first-child { text-align: left; }
        pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
        .note { color: #555; font-size: 0.9em; }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <h2>Method</h2>
        <p>\(escape(Self.method))</p>
        <h2>Summary</h2>
        <pre>\(escape(summary))</pre>

        """
        for figure in figures {
            let t = figure.table
            out += "<h2 id=\"\(escape(t.spec.name))\">\(escape(t.spec.name)): \(escape(t.spec.title))</h2>\n"
            out += "<figure>\n\(figure.svg)<figcaption class=\"note\">\(escape(t.spec.name)).svg; values in \(escape(t.spec.name)).tsv</figcaption>\n</figure>\n"
            out += table(t)
        }
        out += "<h2>Tables not regenerated</h2>\n"
        if underived.isEmpty {
            out += "<p>None.</p>\n"
        } else {
            out += "<ul>\n" + underived.map { "<li><b>\(escape($0.name))</b>: \(escape($0.reason))</li>\n" }.joined() + "</ul>\n"
        }
        out += "<h2>Data quality</h2>\n"
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
        out += "</body>\n</html>\n"
        return out
    }

    private func table(_ t: ProcessedTable) -> String {
        var out = "<table>\n<thead><tr><th>\(escape(t.table.corner))</th>"
        out += t.table.years.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in t.table.rows.prefix(rowLimit) {
            out += "<tr><td>\(escape(row.key))</td>" + row.cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if t.table.rows.count > rowLimit {
            out += "<p class=\"note\">First \(rowLimit) of \(t.table.rows.count) rows; all of them are in \(escape(t.spec.name)).tsv.</p>\n"
        }
        return out
    }
}
