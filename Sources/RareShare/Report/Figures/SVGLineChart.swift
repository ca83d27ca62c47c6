import Foundation

/// Which y axis a series is drawn against.
public enum ChartAxis: Sendable, Hashable {
    case left
    case right
    /// Tabulated but not drawn (counts beside a percentage, as in FigureS1).
    case hidden
}

/// One line of a chart: a value per year, `nil` where undefined (the line breaks there).
public struct ChartSeries: Sendable, Equatable {
    /// The legend text and the line's end label: names, never bare codes.
    public var label: String
    public var values: [Double?]
    public var isEmphasised: Bool
    public var axis: ChartAxis
    /// Lines of one group share a colour and marker ("China", "China w/o
    /// US", "China alone"); `nil` makes the line a group of its own.
    public var group: String?
    /// What decides the colour and marker: a country code (`CN`), a set key
    /// (`CN,US`) or `nil` for the group or label (see ``CountryPalette``).
    public var key: String?

    public init(label: String, values: [Double?], isEmphasised: Bool = false, axis: ChartAxis = .left, group: String? = nil,
                key: String? = nil) {
        self.label = label
        self.values = values
        self.isEmphasised = isEmphasised
        self.axis = axis
        self.group = group
        self.key = key
    }
}

/// A share-over-time line chart as hand-written SVG, in the paper's style:
/// one line per country or set, the focus countries (China and the US)
/// drawn thick, axes labelled with units, a legend, a light grid, and each
/// line's name at its end where there is room.
///
/// A country has the same colour and marker in every chart (``CountryPalette``);
/// a group's variants are dashed, so a greyscale print still tells them
/// apart. At most ``distinctLimit`` keys get their own hue, the rest are
/// grey and share one legend entry. The default size (640 × 400 plus the
/// legend) stays legible at one journal column (~8.5 cm). Output depends
/// only on the input (fixed decimals, series order kept), so a chart can be
/// committed and compared.
public struct SVGLineChart: Sendable {
    public var title: String
    public var xLabel = "Year"
    public var yLabel: String
    public var rightLabel: String?
    public var years: [Int]
    public var series: [ChartSeries]
    public var width = 640.0
    public var plotHeight = 300.0
    /// A logarithmic left axis (counts spanning orders of magnitude); values ≤ 0 are not drawn.
    public var logScale = false
    /// Keys drawn in their own colour; further lines are grey "others".
    public var distinctLimit = 8

    public init(title: String, yLabel: String, rightLabel: String? = nil, years: [Int], series: [ChartSeries]) {
        self.title = title
        self.yLabel = yLabel
        self.rightLabel = rightLabel
        self.years = years
        self.series = series
    }

    enum Marker: CaseIterable { case circle, square, triangle, diamond, cross, invertedTriangle, plus, star }

    /// The drawn series (hidden ones left out), in input order.
    public var drawnSeries: [ChartSeries] { series.filter { $0.axis != .hidden } }

    /// Where the plot sits and how values map into it.
    struct Frame {
        var left = 72.0, right: Double, top = 44.0, plotWidth: Double, plotHeight: Double
        var years: [Int]
        var leftScale: AxisScale, rightScale: AxisScale

        func x(_ year: Int) -> Double {
            let first = Double(years.first ?? 0), span = max(Double(years.last ?? 1) - first, 1)
            return left + (Double(year) - first) / span * plotWidth
        }

        func y(_ v: Double, _ axis: ChartAxis) -> Double? {
            guard let t = (axis == .right ? rightScale : leftScale).fraction(v) else { return nil }
            return top + plotHeight - t * plotHeight
        }
    }

    /// Width kept right of the plot for the line-end labels (none beside a right axis).
    func labelRoom(_ drawn: [ChartSeries], _ styles: [Style]) -> Double {
        guard !drawn.contains(where: { $0.axis == .right }) else { return 0 }
        let longest = zip(drawn, styles).filter { !$1.isOther }.map(\.0.label.count).max() ?? 0
        return min(Double(longest) * 6.2 + 8, 130)
    }

    public var svg: String {
        let drawn = drawnSeries
        let styles = Self.styles(for: drawn, distinctLimit: distinctLimit)
        let hasRight = drawn.contains { $0.axis == .right }
        let room = labelRoom(drawn, styles)
        let right = hasRight ? 72.0 : 24.0 + room
        let leftValues = drawn.filter { $0.axis == .left }.flatMap(\.values)
        let frame = Frame(right: right, plotWidth: width - 72 - right, plotHeight: plotHeight, years: years,
                          leftScale: logScale ? AxisScale(logValues: leftValues) : AxisScale(values: leftValues),
                          rightScale: AxisScale(values: drawn.filter { $0.axis == .right }.flatMap(\.values)))
        let legend = legendEntries(drawn, styles)
        let legendRoom = width - frame.left - 10
        let longest = legend.map { $0.text.count }.max() ?? 0
        let legendColumns = max(1, min(3, Int(legendRoom / (Double(longest) * 7.5 + 44))))
        let legendTop = frame.top + plotHeight + 52
        let height = legendTop + Double((legend.count + legendColumns - 1) / legendColumns) * 20 + 12

        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" \
        font-family="Helvetica, Arial, sans-serif" font-size="13" role="img">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="#ffffff"/>
        <text x="\(f(frame.left))" y="24" font-size="\(f(titleSize(room: width - frame.left - 8)))" font-weight="bold">\(escape(title))</text>

        """
        out += axes(frame, hasRight: hasRight)
        // Lines: grey others first, then ordinary ones, emphasised ones on top.
        let order = drawn.indices.sorted { a, b in
            func layer(_ i: Int) -> Int { styles[i].isOther ? 0 : (styles[i].isEmphasised ? 2 : 1) }
            return (layer(a), a) < (layer(b), b)
        }
        for i in order { out += line(drawn[i], styles[i], frame) }
        if room > 0 { out += endLabels(drawn, styles, frame) }
        out += "<g class=\"legend\">\n"
        let columnWidth = legendRoom / Double(legendColumns)
        for (n, entry) in legend.enumerated() {
            let lx = frame.left + Double(n % legendColumns) * columnWidth
            let ly = legendTop + Double(n / legendColumns) * 20
            let st = entry.style
            out += "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 28))\" y2=\"\(f(ly))\" stroke=\"\(st.colour)\" stroke-width=\"\(f(st.width))\""
            out += (st.dash.isEmpty ? "" : " stroke-dasharray=\"\(st.dash)\"") + "/>\n"
            if !st.isOther { out += Self.marker(st.marker, x: lx + 14, y: ly, size: st.isEmphasised ? 4.5 : 3.5, colour: st.colour) }
            out += "<text x=\"\(f(lx + 34))\" y=\"\(f(ly + 4))\"\(st.isEmphasised ? " font-weight=\"bold\"" : "")>\(escape(entry.text))</text>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// One legend entry per coloured line, then one for all grey lines.
    func legendEntries(_ drawn: [ChartSeries], _ styles: [Style]) -> [(text: String, style: Style)] {
        var out: [(text: String, style: Style)] = []
        var others = 0
        for (s, st) in zip(drawn, styles) {
            if st.isOther { others += 1; continue }
            out.append((s.label + (s.axis == .right ? " (right axis)" : ""), st))
        }
        if others > 0, let grey = styles.first(where: \.isOther) { out.append(("others (\(others) more, in the table)", grey)) }
        return out
    }

    /// Grid, axes, tick labels and axis titles.
    func axes(_ fr: Frame, hasRight: Bool) -> String {
        let bottom = fr.top + fr.plotHeight, rightEdge = fr.left + fr.plotWidth
        var out = "<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"0.6\">\n"
        for t in fr.leftScale.ticks {
            guard let y = fr.y(t, .left) else { continue }
            out += "<line x1=\"\(f(fr.left))\" y1=\"\(f(y))\" x2=\"\(f(rightEdge))\" y2=\"\(f(y))\"/>\n"
        }
        let yearStep = years.count > 16 ? 5 : (years.count > 8 ? 2 : 1)
        let tickYears = years.filter { ($0 - (years.first ?? 0)) % yearStep == 0 }
        for yr in tickYears { out += "<line x1=\"\(f(fr.x(yr)))\" y1=\"\(f(fr.top))\" x2=\"\(f(fr.x(yr)))\" y2=\"\(f(bottom))\"/>\n" }
        out += "</g>\n<g class=\"axes\" stroke=\"#000000\" stroke-width=\"1\">\n"
        out += "<line x1=\"\(f(fr.left))\" y1=\"\(f(bottom))\" x2=\"\(f(rightEdge))\" y2=\"\(f(bottom))\"/>\n"
        out += "<line x1=\"\(f(fr.left))\" y1=\"\(f(fr.top))\" x2=\"\(f(fr.left))\" y2=\"\(f(bottom))\"/>\n"
        if hasRight { out += "<line x1=\"\(f(rightEdge))\" y1=\"\(f(fr.top))\" x2=\"\(f(rightEdge))\" y2=\"\(f(bottom))\"/>\n" }
        out += "</g>\n<g class=\"tick-labels\" fill=\"#000000\">\n"
        for t in fr.leftScale.ticks {
            guard let y = fr.y(t, .left) else { continue }
            out += "<text x=\"\(f(fr.left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(fr.leftScale.label(t))</text>\n"
        }
        if hasRight {
            for t in fr.rightScale.ticks {
                guard let y = fr.y(t, .right) else { continue }
                out += "<text x=\"\(f(rightEdge + 6))\" y=\"\(f(y + 4))\">\(fr.rightScale.label(t))</text>\n"
            }
        }
        for yr in tickYears {
            out += "<text x=\"\(f(fr.x(yr)))\" y=\"\(f(bottom + 18))\" text-anchor=\"middle\">\(yr)</text>\n"
        }
        out += "</g>\n"
        let midY = fr.top + fr.plotHeight / 2
        out += "<text class=\"axis-label\" x=\"\(f(fr.left + fr.plotWidth / 2))\" y=\"\(f(bottom + 38))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        let yTitle = yLabel + (logScale ? " (log scale)" : "")
        out += "<text class=\"axis-label\" x=\"18\" y=\"\(f(midY))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(f(midY)))\">\(escape(yTitle))</text>\n"
        if hasRight, let rightLabel {
            let rx = width - 14
            out += "<text class=\"axis-label\" x=\"\(f(rx))\" y=\"\(f(midY))\" text-anchor=\"middle\" transform=\"rotate(90 \(f(rx)) \(f(midY)))\">\(escape(rightLabel))</text>\n"
        }
        return out
    }

    /// One series: its polyline(s), broken where a value is missing, and its markers.
    func line(_ s: ChartSeries, _ st: Style, _ fr: Frame) -> String {
        // A grey line is one of the "others", not the country's own colour.
        let label = st.isOther ? "others: \(s.label)" : s.label
        var out = "<g class=\"series\" data-label=\"\(escape(label))\" stroke=\"\(st.colour)\" fill=\"none\">\n"
        var run: [String] = []
        func flush() {
            if run.count > 1 {
                out += "<polyline points=\"\(run.joined(separator: " "))\" stroke-width=\"\(f(st.width))\""
                out += (st.dash.isEmpty ? "" : " stroke-dasharray=\"\(st.dash)\"") + " stroke-linejoin=\"round\"/>\n"
            }
            run = []
        }
        var points: [(x: Double, y: Double, index: Int)] = []
        for (j, year) in years.enumerated() {
            guard j < s.values.count, let v = s.values[j], v.isFinite, let y = fr.y(v, s.axis) else { flush(); continue }
            run.append("\(f(fr.x(year))),\(f(y))")
            points.append((fr.x(year), y, j))
        }
        flush()
        if !st.isOther {
            let markerStep = max(1, years.count / 9)
            for p in points where p.index % markerStep == 0 {
                out += Self.marker(st.marker, x: p.x, y: p.y, size: st.isEmphasised ? 4.5 : 3.5, colour: st.colour)
            }
        }
        return out + "</g>\n"
    }

    /// Each coloured line's name beside its last point, where it does not
    /// overlap a label already placed (nearer than 12 px); the legend names them all.
    func endLabels(_ drawn: [ChartSeries], _ styles: [Style], _ fr: Frame) -> String {
        var candidates: [(y: Double, x: Double, label: String, style: Style)] = []
        for (s, st) in zip(drawn, styles) where !st.isOther {
            guard let j = s.values.indices.last(where: { $0 < years.count && s.values[$0].map(\.isFinite) == true }),
                  let v = s.values[j], let y = fr.y(v, s.axis) else { continue }
            candidates.append((y, fr.x(years[j]), s.label, st))
        }
        var placed: [Double] = []
        var out = "<g class=\"end-labels\" font-size=\"11\">\n"
        for c in candidates.sorted(by: { $0.y < $1.y }) where placed.allSatisfy({ abs($0 - c.y) >= 12 }) {
            placed.append(c.y)
            out += "<text x=\"\(f(c.x + 6))\" y=\"\(f(c.y + 4))\" fill=\"\(c.style.colour)\"\(c.style.isEmphasised ? " font-weight=\"bold\"" : "")>\(escape(c.label))</text>\n"
        }
        return out + "</g>\n"
    }

    /// Title font size: 15 px, smaller when a long title would overflow
    /// (bold Helvetica averages about 0.6 em per character).
    func titleSize(room: Double) -> Double {
        let needed = Double(title.count) * 0.6 * 15
        return needed <= room ? 15 : max(9, 15 * room / needed)
    }
}

/// Coordinates with one decimal: enough for a screen or a print, and stable text.
func f(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 1) }

/// Escapes text for SVG/HTML content and attribute values.
func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(ch)
        }
    }
    return out
}
