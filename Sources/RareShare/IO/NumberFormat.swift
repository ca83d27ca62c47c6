/// How numbers are printed in tables.
public enum NumberFormat {
    /// Shortest text that reads back as the same `Double` (`0.3333333333333333`,
    /// `12`), so tables carry exact values and round-trip; empty for zero, as
    /// the paper leaves empty cells.
    public static func exact(_ value: Double) -> String {
        if value == 0 { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    public static func count(_ value: Int) -> String { value == 0 ? "" : String(value) }

    /// Fixed decimals, half away from zero, as the paper's processed tables print them.
    public static func fixed(_ value: Double, decimals: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero) / scale
        let signed = value < 0 && rounded != 0 ? -rounded : rounded
        let whole = Int(signed.magnitude)
        var fraction = Int(((signed.magnitude - Double(whole)) * scale).rounded())
        var w = whole
        if fraction >= Int(scale) { w += 1; fraction -= Int(scale) }
        var s = (signed < 0 ? "-" : "") + String(w)
        if decimals > 0 {
            let f = String(fraction)
            s += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return s
    }

    /// A whole number with thousands separators (`1,234,567`), for text read
    /// by people; tables keep plain digits so that programs read them.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A percentage with two decimals and its sign (`+12.50 pp`, `-3.10 pp`),
    /// for changes of a share between two years, in percentage points.
    public static func pointChange(_ value: Double) -> String {
        let text = fixed(abs(value))
        if text == fixed(0) { return "0.00 pp" }
        return (value < 0 ? "-" : "+") + text + " pp"
    }
}
