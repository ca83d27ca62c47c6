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
    public var label: String
    public var values: [Double?]
    public var isEmphasised: Bool
    public var axis: ChartAxis
    /// Emphasised lines of one group share a colour ("China", "China w/o US",
    /// "CN alone"); `nil` makes the line a group of its own.
    public var group: String?

    public init(label: String, values: [Double?], isEmphasised: Bool = false, axis: ChartAxis = .left, group: String? = nil) {
        self.label = label
        self.values = values
        self.isEmphasised = isEmphasised
        self.axis = axis
        self.group = group
    }
}

/// A share-over-time line chart as hand-written SVG, in the paper's style:
/// one line per country or set, the focus countries (China and the US)
/// drawn thick and dark, axes labelled with units, a legend, a light grid.
///
/// Lines differ by dash pattern and marker shape as well as by colour, so a
/// greyscale print still tells them apart; the default size (640 × 400 plus
/// the legend) stays legible when scaled to one journal column (~8.5 cm).
/// Output depends only on the input (fixed decimals, series order kept), so
/// a chart can be committed and compared.
public struct SVGLineChart: Sendable {
    public var title: String
    public var xLabel = "Year"
    public var yLabel: String
    public var rightLabel: String?
    public var years: [Int]
    public var series: [ChartSeries]
    public var width = 640.0
    public var plotHeight = 300.0

    public init(title: String, yLabel: String, rightLabel: String? = nil, years: [Int], series: [ChartSeries]) {
        self.title = title
        self.yLabel = yLabel
        self.rightLabel = rightLabel
        self.years = years
        self.series = series
    }

    /// Colour-blind-safe hues for the ordinary lines (Okabe–Ito, without the yellow
    /// that vanishes on white), then a dash pattern and a marker per line.
    static let colours = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#CC79A7", "#999999", "#8C564B", "#4D4D4D"]
    static let emphasisedColours = ["#B2182B", "#08306B", "#3F007D", "#00441B"]
    /// Seven patterns against eight hues and eight markers: two ordinary lines
    /// share both pattern and marker only 56 lines apart.
    static let dashes = ["2 2", "8 3 2 3", "4 4", "10 3", "1 3", "6 2 2 2 2 2", "5 2"]
    static let emphasisedDashes = ["", "6 3", "2 2", "8 3 2 3", "4 2", "1 2"]
    enum Marker: CaseIterable { case circle, square, triangle, diamond, cross, invertedTriangle, plus, star }

    /// The drawn series (hidden ones left out), in input order.
    public var drawnSeries: [ChartSeries] { series.filter { $0.axis != .hidden } }

    public var svg: String {
        let drawn = drawnSeries
        let hasRight = drawn.contains { $0.axis == .right }
        let left = 72.0, right = hasRight ? 72.0 : 24.0, top = 44.0
        let plotWidth = width - left - right
        // As many legend columns (up to 3) as the longest entry allows; bold
        // 13 px text averages under 7.5 px per character.
        let legendRoom = width - left - 10
        let longest = drawn.map { $0.label.count + ($0.axis == .right ? 13 : 0) }.max() ?? 0
        let legendColumns = max(1, min(3, Int(legendRoom / (Double(longest) * 7.5 + 44))))
        let legendRows = (drawn.count + legendColumns - 1) / legendColumns
        let legendTop = top + plotHeight + 52
        let height = legendTop + Double(legendRows) * 20 + 12

        let leftScale = AxisScale(values: drawn.filter { $0.axis == .left }.flatMap(\.values))
        let rightScale = AxisScale(values: drawn.filter { $0.axis == .right }.flatMap(\.values))
        let firstYear = Double(years.first ?? 0), lastYear = Double(years.last ?? 1)
        let span = max(lastYear - firstYear, 1)
        func x(_ year: Int) -> Double { left + (Double(year) - firstYear) / span * plotWidth }
        func y(_ v: Double, _ s: AxisScale) -> Double { top + plotHeight - (v - s.low) / (s.high - s.low) * plotHeight }

        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" \
        font-family="Helvetica, Arial, sans-serif" font-size="13" role="img">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="#ffffff"/>
        <text x="\(f(left))" y="24" font-size="\(f(titleSize(room: width - left - 8)))" font-weight="bold">\(escape(title))</text>

        """
        // Grid and y ticks.
        out += "<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"0.6\">\n"
        for t in leftScale.ticks { out += "<line x1=\"\(f(left))\" y1=\"\(f(y(t, leftScale)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(t, leftScale)))\"/>\n" }
        let yearStep = years.count > 16 ? 5 : (years.count > 8 ? 2 : 1)
        let tickYears = years.filter { ($0 - (years.first ?? 0)) % yearStep == 0 }
        for yr in tickYears { out += "<line x1=\"\(f(x(yr)))\" y1=\"\(f(top))\" x2=\"\(f(x(yr)))\" y2=\"\(f(top + plotHeight))\"/>\n" }
        out += "</g>\n"
        // Axes.
        out += "<g class=\"axes\" stroke=\"#000000\" stroke-width=\"1\">\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\"/>\n"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\"/>\n"
        if hasRight { out += "<line x1=\"\(f(left + plotWidth))\" y1=\"\(f(top))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\"/>\n" }
        out += "</g>\n<g class=\"tick-labels\" fill=\"#000000\">\n"
        for t in leftScale.ticks {
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(t, leftScale) + 4))\" text-anchor=\"end\">\(leftScale.label(t))</text>\n"
        }
        if hasRight {
            for t in rightScale.ticks {
                out += "<text x=\"\(f(left + plotWidth + 6))\" y=\"\(f(y(t, rightScale) + 4))\">\(rightScale.label(t))</text>\n"
            }
        }
        for yr in tickYears {
            out += "<text x=\"\(f(x(yr)))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(yr)</text>\n"
        }
        out += "</g>\n"
        let midY = top + plotHeight / 2
        out += "<text class=\"axis-label\" x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 38))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        out += "<text class=\"axis-label\" x=\"18\" y=\"\(f(midY))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(f(midY)))\">\(escape(yLabel))</text>\n"
        if hasRight, let rightLabel {
            let rx = width - 14
            out += "<text class=\"axis-label\" x=\"\(f(rx))\" y=\"\(f(midY))\" text-anchor=\"middle\" transform=\"rotate(90 \(f(rx)) \(f(midY)))\">\(escape(rightLabel))</text>\n"
        }
        // Lines: ordinary ones first, emphasised ones on top.
        let styles = Self.styles(for: drawn)
        let markerStep = max(1, years.count / 9)
        for i in drawn.indices.sorted(by: { (drawn[$0].isEmphasised ? 1 : 0, $0) < (drawn[$1].isEmphasised ? 1 : 0, $1) }) {
            let s = drawn[i], st = styles[i]
            let scale = s.axis == .right ? rightScale : leftScale
            out += "<g class=\"series\" data-label=\"\(escape(s.label))\" stroke=\"\(st.colour)\" fill=\"none\">\n"
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    out += "<polyline points=\"\(run.joined(separator: " "))\" stroke-width=\"\(f(st.width))\""
                    out += (st.dash.isEmpty ? "" : " stroke-dasharray=\"\(st.dash)\"") + " stroke-linejoin=\"round\"/>\n"
                }
                run = []
            }
            for (j, year) in years.enumerated() {
                guard j < s.values.count, let v = s.values[j], v.isFinite else { flush(); continue }
                run.append("\(f(x(year))),\(f(y(v, scale)))")
            }
            flush()
            for (j, year) in years.enumerated() where j % markerStep == 0 {
                guard j < s.values.count, let v = s.values[j], v.isFinite else { continue }
                out += Self.marker(st.marker, x: x(year), y: y(v, scale), size: st.isEmphasised ? 4.5 : 3.5, colour: st.colour)
            }
            out += "</g>\n"
        }
        // Legend.
        out += "<g class=\"legend\">\n"
        let columnWidth = legendRoom / Double(legendColumns)
        for (i, s) in drawn.enumerated() {
            let st = styles[i]
            let lx = left + Double(i % legendColumns) * columnWidth
            let ly = legendTop + Double(i / legendColumns) * 20
            out += "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 28))\" y2=\"\(f(ly))\" stroke=\"\(st.colour)\" stroke-width=\"\(f(st.width))\""
            out += (st.dash.isEmpty ? "" : " stroke-dasharray=\"\(st.dash)\"") + "/>\n"
            out += Self.marker(st.marker, x: lx + 14, y: ly, size: st.isEmphasised ? 4.5 : 3.5, colour: st.colour)
            let side = s.axis == .right ? " (right axis)" : ""
            out += "<text x=\"\(f(lx + 34))\" y=\"\(f(ly + 4))\"\(st.isEmphasised ? " font-weight=\"bold\"" : "")>\(escape(s.label + side))</text>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// Title font size: 15 px, smaller when a long title would overflow
    /// (bold Helvetica averages about 0.6 em per character).
    func titleSize(room: Double) -> Double {
        let needed = Double(title.count) * 0.6 * 15
        return needed <= room ? 15 : max(9, 15 * room / needed)
    }

    struct Style {
        var colour: String
        var dash: String
        var marker: Marker
        var width: Double
        var isEmphasised: Bool
    }

    /// Emphasised lines get the dark hues, one per group: the group's first
    /// line is thick (solid for the first group, dashed for the second), its
    /// variants thinner with their own dash and marker. Ordinary lines cycle
    /// through the rest independently, so two lines sharing a colour still
    /// differ in dash or marker.
    static func styles(for series: [ChartSeries]) -> [Style] {
        var groups: [String] = []
        var members: [String: Int] = [:]
        var o = 0
        return series.map { s in
            if s.isEmphasised {
                let key = s.group ?? s.label
                if !groups.contains(key) { groups.append(key) }
                let g = groups.firstIndex(of: key) ?? 0
                let k = members[key, default: 0]
                members[key] = k + 1
                let i = g + 2 * k
                return Style(colour: emphasisedColours[g % emphasisedColours.count], dash: emphasisedDashes[i % emphasisedDashes.count],
                             marker: Marker.allCases[i % Marker.allCases.count], width: k == 0 ? 3 : 2.2, isEmphasised: true)
            }
            defer { o += 1 }
            return Style(colour: colours[o % colours.count], dash: dashes[o % dashes.count],
                         marker: Marker.allCases[(o + o / colours.count + 2) % Marker.allCases.count], width: 1.6, isEmphasised: false)
        }
    }

    static func marker(_ m: Marker, x: Double, y: Double, size r: Double, colour: String) -> String {
        let fill = "fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"1.4\""
        switch m {
        case .circle:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" \(fill)/>\n"
        case .square:
            return "<rect x=\"\(f(x - r))\" y=\"\(f(y - r))\" width=\"\(f(2 * r))\" height=\"\(f(2 * r))\" \(fill)/>\n"
        case .triangle:
            return "<polygon points=\"\(f(x)),\(f(y - r)) \(f(x + r)),\(f(y + r)) \(f(x - r)),\(f(y + r))\" \(fill)/>\n"
        case .invertedTriangle:
            return "<polygon points=\"\(f(x)),\(f(y + r)) \(f(x + r)),\(f(y - r)) \(f(x - r)),\(f(y - r))\" \(fill)/>\n"
        case .diamond:
            return "<polygon points=\"\(f(x)),\(f(y - r)) \(f(x + r)),\(f(y)) \(f(x)),\(f(y + r)) \(f(x - r)),\(f(y))\" \(fill)/>\n"
        case .cross:
            return "<path d=\"M\(f(x - r)),\(f(y - r))L\(f(x + r)),\(f(y + r))M\(f(x - r)),\(f(y + r))L\(f(x + r)),\(f(y - r))\" stroke=\"\(colour)\" stroke-width=\"1.6\"/>\n"
        case .plus:
            return "<path d=\"M\(f(x - r)),\(f(y))L\(f(x + r)),\(f(y))M\(f(x)),\(f(y - r))L\(f(x)),\(f(y + r))\" stroke=\"\(colour)\" stroke-width=\"1.6\"/>\n"
        case .star:
            return "<path d=\"M\(f(x - r)),\(f(y))L\(f(x + r)),\(f(y))M\(f(x)),\(f(y - r))L\(f(x)),\(f(y + r))M\(f(x - r * 0.7)),\(f(y - r * 0.7))L\(f(x + r * 0.7)),\(f(y + r * 0.7))M\(f(x - r * 0.7)),\(f(y + r * 0.7))L\(f(x + r * 0.7)),\(f(y - r * 0.7))\" stroke=\"\(colour)\" stroke-width=\"1.2\"/>\n"
        }
    }
}

/// A y axis from zero (or the data's minimum, if negative) to a round maximum,
/// with ticks at 1, 2, 2.5 or 5 × 10^k.
struct AxisScale {
    var low: Double
    var high: Double
    var step: Double

    init(values: [Double?]) {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        let lo = min(0, finite.min() ?? 0)
        let hi = max(finite.max() ?? 1, lo + 1e-9)
        let raw = (hi - lo) / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        self.step = step
        self.low = (lo / step).rounded(.down) * step
        self.high = max((hi / step).rounded(.up) * step, self.low + step)
    }

    var ticks: [Double] {
        var out: [Double] = []
        var i = 0
        while true {
            let t = low + Double(i) * step
            if t > high + step / 1000 { break }
            out.append(t)
            i += 1
        }
        return out
    }

    /// Tick text with as many decimals as the step needs; thousands and
    /// millions as `k` and `M` so that long counts fit beside the axis.
    func label(_ v: Double) -> String {
        if high >= 1_000_000 { return Self.scaled(v, by: 1_000_000, step: step, suffix: "M") }
        if high >= 10_000 { return Self.scaled(v, by: 1000, step: step, suffix: "k") }
        return AxisScale.plain(v, step: step)
    }

    private static func scaled(_ v: Double, by divisor: Double, step: Double, suffix: String) -> String {
        v == 0 ? "0" : plain(v / divisor, step: step / divisor) + suffix
    }

    private static func plain(_ v: Double, step: Double) -> String {
        var decimals = 0
        while decimals < 6 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-9 { break }
            decimals += 1
        }
        let text = NumberFormat.fixed(v, decimals: decimals)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}

/// Coordinates with one decimal: enough for a screen or a print, and stable text.
private func f(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 1) }

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
