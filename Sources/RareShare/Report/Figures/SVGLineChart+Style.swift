extension SVGLineChart {
    struct Style {
        var colour: String
        var dash: String
        var marker: Marker
        var width: Double
        var isEmphasised: Bool
        /// Drawn in grey without marker, under one legend entry "others".
        var isOther: Bool
    }

    /// Dash patterns of a group's further lines ("China w/o US", "CN alone"):
    /// the group's first line is solid, the others keep its colour and marker.
    static let variantDashes = ["6 3", "2 2", "8 3 2 3", "4 2", "1 2"]

    /// The colour key of a series: its country or set; else the country its
    /// group or label names ("China" → CN); else the group or label itself.
    static func key(_ s: ChartSeries) -> String {
        if let key = s.key { return key }
        let name = s.group ?? s.label
        return CountryLabels.code(named: name)?.description ?? name
    }

    /// Colour and marker come from the series' key (``CountryPalette``), so a
    /// country looks the same in every figure. Emphasised lines are thicker;
    /// a group's further lines are dashed. Lines past the first
    /// `distinctLimit` keys are drawn grey as "others", so no chart asks the
    /// eye to tell more than about eight hues apart.
    static func styles(for series: [ChartSeries], distinctLimit: Int = 8) -> [Style] {
        // Emphasised (focus) countries always keep their colour; the others
        // fill the remaining places in the order given.
        var coloured = Set(series.filter(\.isEmphasised).map(Self.key))
        for s in series where !s.isEmphasised && coloured.count < distinctLimit { coloured.insert(Self.key(s)) }
        var members: [String: Int] = [:]
        return series.map { s in
            let key = Self.key(s)
            let k = members[key, default: 0]
            members[key] = k + 1
            guard coloured.contains(key) else {
                return Style(colour: CountryPalette.others, dash: "", marker: .circle, width: 1, isEmphasised: false, isOther: true)
            }
            let dash = k == 0 ? "" : variantDashes[(k - 1) % variantDashes.count]
            let width = s.isEmphasised ? (k == 0 ? 3 : 2.2) : 1.6
            return Style(colour: CountryPalette.colour(key), dash: dash, marker: CountryPalette.marker(key), width: width,
                         isEmphasised: s.isEmphasised, isOther: false)
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
