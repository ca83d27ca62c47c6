import Foundation

/// A y axis from zero (or the data's minimum, if negative) to a round maximum,
/// with ticks at 1, 2, 2.5 or 5 × 10^k; or, logarithmic, from one power of
/// ten to another with a tick at each.
struct AxisScale {
    var low: Double
    var high: Double
    var step: Double
    var isLogarithmic = false

    /// A log axis over the positive values: from the power of ten at or
    /// below the smallest to the one at or above the largest.
    init(logValues values: [Double?]) {
        let positive = values.compactMap { $0 }.filter { $0.isFinite && $0 > 0 }
        let lo = pow(10, log10(positive.min() ?? 1).rounded(.down))
        let hi = pow(10, log10(positive.max() ?? 10).rounded(.up))
        self.low = lo
        self.high = max(hi, lo * 10)
        self.step = 10
        self.isLogarithmic = true
    }

    /// Where `v` sits between the bottom (0) and the top (1); `nil` where a
    /// log axis cannot show it (zero or negative).
    func fraction(_ v: Double) -> Double? {
        guard isLogarithmic else { return (v - low) / (high - low) }
        guard v > 0 else { return nil }
        return (log10(v) - log10(low)) / (log10(high) - log10(low))
    }

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
        if isLogarithmic {
            return stride(from: log10(low).rounded(), through: log10(high).rounded(), by: 1).map { pow(10, $0) }
        }
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
        if isLogarithmic { return Self.power(v) }
        if high >= 1_000_000 { return Self.scaled(v, by: 1_000_000, step: step, suffix: "M") }
        if high >= 10_000 { return Self.scaled(v, by: 1000, step: step, suffix: "k") }
        return AxisScale.plain(v, step: step)
    }

    /// A power of ten as a log axis prints it: 0.01, 1, 100, 10k, 1M.
    private static func power(_ v: Double) -> String {
        if v >= 1_000_000 { return plain(v / 1_000_000, step: 1) + "M" }
        if v >= 1000 { return plain(v / 1000, step: 1) + "k" }
        return plain(v, step: v)
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
