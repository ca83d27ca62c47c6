/// One colour and one marker per country (or collaboration set, element,
/// composition), the same in every figure.
///
/// Colours used to follow the order of the lines, so the US was drawn in
/// China's red wherever it came first (Figure 2b). Now the key alone decides:
/// China is always red, the US always dark blue, and the countries the paper
/// draws most have hand-picked, mutually distinct hues; any other key gets a
/// hue from a stable hash of its text (FNV-1a), so it too keeps its colour
/// from one figure and one run to the next.
public enum CountryPalette {
    /// Hand-picked hues of the countries the paper draws (Okabe–Ito and Tol
    /// colours, readable on white).
    static let fixed: [String: String] = [
        "CN": "#B2182B", "US": "#08306B", "DE": "#E69F00", "JP": "#56B4E9", "IN": "#009E73",
        "GB": "#CC79A7", "FR": "#0072B2", "RU": "#8C564B", "KR": "#D55E00", "ES": "#999933",
        "CA": "#882255", "IT": "#44AA99", "PL": "#332288", "UA": "#117733", "AU": "#AA4499",
        "TN": "#661100", "BR": "#6699CC", "CH": "#888888", "NL": "#DDCC77", "IR": "#4D4D4D",
        // The regions of Figure 2a.
        "region:all": "#111111", "region:organic": "#009E73", "region:organometallic": "#0072B2", "region:rare-earth": "#D55E00",
    ]
    /// Hues for every other key, chosen by hash.
    static let spare = ["#1B9E77", "#D95F02", "#7570B3", "#E7298A", "#66A61E", "#A6761D", "#1F78B4", "#B15928",
                        "#6A3D9A", "#33A02C", "#E31A1C", "#FF7F00", "#8DD3C7", "#BC80BD", "#80B1D3", "#FDB462",
                        "#B3DE69", "#FB8072", "#CAB2D6", "#525252"]
    /// The grey of lines beyond the distinct ones, drawn together as "others".
    public static let others = "#BBBBBB"

    /// Fixed markers of the first countries, so China and the US also differ in greyscale.
    static let fixedMarkers: [String: SVGLineChart.Marker] = [
        "CN": .circle, "US": .square, "DE": .triangle, "JP": .diamond, "IN": .invertedTriangle,
        "GB": .cross, "FR": .plus, "RU": .star,
        "region:all": .circle, "region:organic": .square, "region:organometallic": .triangle, "region:rare-earth": .diamond,
    ]

    /// The colour of a key (a country code such as `CN`, a set key such as `CN,US`, or a label).
    public static func colour(_ key: String) -> String {
        fixed[key] ?? spare[Int(hash(key) % UInt64(spare.count))]
    }

    static func marker(_ key: String) -> SVGLineChart.Marker {
        fixedMarkers[key] ?? SVGLineChart.Marker.allCases[Int(hash(key) / 7 % UInt64(SVGLineChart.Marker.allCases.count))]
    }

    /// FNV-1a over the key's UTF-8 bytes: the same on every machine and run (`hashValue` is not).
    static func hash(_ key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
