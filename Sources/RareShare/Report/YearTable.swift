/// A table in the paper's layout: one row per country or country set, one
/// column per year, tab-separated, a header row of years under an empty
/// corner cell.
public struct YearTable: Sendable, Equatable {
    /// Text of the header's first cell (empty in most of the paper's tables).
    public var corner: String
    public var years: [Int]
    public var rows: [(key: String, cells: [String])]

    public init(corner: String = "", years: [Int], rows: [(key: String, cells: [String])] = []) {
        self.corner = corner
        self.years = years
        self.rows = rows
    }

    public static func == (l: YearTable, r: YearTable) -> Bool {
        l.corner == r.corner && l.years == r.years && l.rows.map(\.key) == r.rows.map(\.key)
            && l.rows.map(\.cells) == r.rows.map(\.cells)
    }

    /// The table as TSV text, ending with a newline.
    public var tsv: String {
        var out = corner + "\t" + years.map(String.init).joined(separator: "\t") + "\n"
        for row in rows {
            out += row.key + "\t" + row.cells.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Parses the paper's TSV layout: header of years (a trailing `total`
    /// column or trailing empty cells are dropped), then one row per key.
    public init(tsv text: String) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        while let last = lines.last, last.trimmingSpaces.isEmpty { lines.removeLast() }
        guard let header = lines.first else {
            self.init(years: [])
            return
        }
        let headCells = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        var years: [Int] = []
        var columns: [Int] = []
        for (i, cell) in headCells.enumerated().dropFirst() {
            if let y = Int(cell.trimmingSpaces) { years.append(y); columns.append(i) }
        }
        var rows: [(key: String, cells: [String])] = []
        for line in lines.dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let key = cells.first else { continue }
            rows.append((key.trimmingSpaces.description, columns.map { $0 < cells.count ? String(cells[$0].trimmingSpaces) : "" }))
        }
        self.init(corner: headCells.first ?? "", years: years, rows: rows)
    }

    /// The numeric value of a cell (`nil` for an empty cell).
    public func value(row key: String, year: Int) -> Double? {
        guard let col = years.firstIndex(of: year), let row = rows.first(where: { $0.key == key }) else { return nil }
        return Double(row.cells[col])
    }
}
