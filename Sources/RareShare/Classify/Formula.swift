/// A molecular formula reduced to what the region rules need: the element
/// symbols of each component.
///
/// Parsing rules (METRICS.md, "Region of the chemical space"):
/// - markup is already joined by the reader (`C<sub>6</sub>H<sub>6</sub>` → `C6H6`);
///   any leftover tags are ignored;
/// - components are separated by `*` or by a `.` that is not a decimal point
///   (`C2H6O*0.5H2O` has two components, not three);
/// - element symbols are an upper-case letter and an optional lower-case one,
///   matched greedily against the periodic table, so `Co` is cobalt, `CO` is
///   carbon and oxygen, `Yb` is ytterbium and not yttrium;
/// - `D` and `T` are hydrogen; digits, charges, `(x)`, `n` and brackets are ignored;
/// - a symbol that is no element (`R`, `X`, `Ln`) is kept in ``unknownSymbols``.
public struct Formula: Sendable, Equatable {
    /// Element symbols per component, in order of appearance, without repeats.
    public let components: [[String]]
    /// Symbols that are not chemical elements.
    public let unknownSymbols: [String]

    public init(_ text: String) {
        var components: [[String]] = []
        var current: [String] = []
        var unknown: [String] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        func close() {
            if !current.isEmpty { components.append(current) }
            current = []
        }
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].properties.numericType != nil && chars[k].isASCII }
        while i < chars.count {
            let c = chars[i]
            if c == "<" {
                // Leftover markup: skip to the closing '>'.
                while i < chars.count && chars[i] != ">" { i += 1 }
                i += 1
                continue
            }
            if c == "*" || c == "·" || c == "•" {
                close()
                i += 1
                continue
            }
            if c == "." {
                if isDigit(i - 1) && isDigit(i + 1) { i += 1; continue }   // decimal point
                close()
                i += 1
                continue
            }
            if c.isASCII, c.properties.isUppercase {
                var symbol = String(c)
                if i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].properties.isLowercase {
                    let two = symbol + String(chars[i + 1])
                    if Element.symbols.contains(two) {
                        symbol = two
                        i += 1
                    } else if !Element.symbols.contains(symbol) {
                        symbol = two
                        i += 1
                    }
                }
                i += 1
                if symbol == "D" || symbol == "T" { symbol = "H" }
                if Element.symbols.contains(symbol) {
                    if !current.contains(symbol) { current.append(symbol) }
                } else if !unknown.contains(symbol) {
                    unknown.append(symbol)
                }
                continue
            }
            i += 1
        }
        close()
        self.components = components
        self.unknownSymbols = unknown
    }

    /// All element symbols of the formula, sorted, without repeats.
    public var elements: [String] { Array(Set(components.joined())).sorted() }

    /// The paper's composition key: element symbols sorted and concatenated (`CClHORu`).
    public var compositionKey: String { elements.joined() }
}
