import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RareShare

/// Counts what a figure holds while checking it is well-formed XML.
private final class SVGCounter: NSObject, XMLParserDelegate {
    var series: [String] = []
    var legendTexts = 0
    var inLegend = false
    var externalReferences: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "g", attributes["class"] == "series" { series.append(attributes["data-label"] ?? "") }
        if name == "g", attributes["class"] == "legend" { inLegend = true }
        if name == "text", inLegend { legendTexts += 1 }
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) where key.hasSuffix("href") || key == "src" {
            externalReferences.append(value)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g", inLegend { inLegend = false }
    }
}

@Suite struct FigureOutputTests {
    /// Writes the figures of a small hand-made tally folder and returns the output folder.
    static func writeFigures(from tables: [String: String], options: FigureOptions = FigureOptions()) throws -> (URL, FigureRun) {
        let input = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: input) }
        for (name, text) in tables { try text.write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let output = try Fixture.temporaryFolder()
        let run = try FigureReport.generate(tablesFolder: input.path, outputFolder: output.path, options: options)
        return (output, run)
    }

    /// Two years, three countries, all substances only: small enough to check by hand.
    static let smallTables: [String: String] = [
        "Figure2a.tsv": "\t2020\t2021\nAll substances\t100\t200\n",
        "Country_weighted_allSubs.tsv": "\t2020\t2021\nCN\t30\t90\nUS\t40\t50\nDE\t10\t20\n",
        "Absolute_collab_allSubs.tsv": "\t2020\t2021\nCN\t25\t80\nUS\t35\t40\nDE\t8\t15\nCN,US\t6\t12\nDE,US\t2\t4\n",
        "quality.txt": "Records read: 300\nSkipped: 0\n",
        "Coverage.tsv": "\tReaxys substances\tMerged data\tPercentage\n2020\t100\t76\t76.00\n2021\t200\t151\t75.50\n",
    ]

    @Test func everySVGIsWellFormedWithTheExpectedSeries() throws {
        let (out, run) = try Self.writeFigures(from: Self.smallTables)
        defer { try? FileManager.default.removeItem(at: out) }
        let expected: [String: [String]] = [
            "Figure1a": ["China", "US", "India", "Japan", "Germany", "Russia", "UK", "France", "USA alone", "CN alone"],
            "Figure1b": ["China-US", "UK-US", "Germany-US", "Japan-US", "India-US", "Canada-US", "Italy-US", "China-Japan"],
            "Figure1c": ["CN alone/CN", "US alone/US", "CN-US collab/CN", "CN-US collab/US"],
            "Figure2a": ["All substances"],
            "FigureS1": ["Percentage"],
        ]
        #expect(run.tables.map(\.spec.name).sorted() == expected.keys.sorted())
        #expect(run.underived.last?.name == "Figure1e")
        for (name, labels) in expected {
            let data = try Data(contentsOf: out.appendingPathComponent("\(name).svg"))
            let parser = XMLParser(data: data)
            let counter = SVGCounter()
            parser.delegate = counter
            #expect(parser.parse(), "\(name).svg is not well-formed: \(String(describing: parser.parserError))")
            // Emphasised lines are drawn last (on top); the legend keeps the table's order.
            #expect(counter.series.sorted() == labels.sorted(), "\(name)")
            #expect(counter.legendTexts == labels.count, "\(name)")
            #expect(counter.externalReferences.isEmpty)
        }
    }

    @Test func smallTablesGiveHandCheckedCells() throws {
        let (out, run) = try Self.writeFigures(from: Self.smallTables)
        defer { try? FileManager.default.removeItem(at: out) }
        let f1a = try String(contentsOf: out.appendingPathComponent("Figure1a.tsv"), encoding: .utf8)
        #expect(f1a.contains("China\t30.00\t45.00\n"))      // 30/100, 90/200
        #expect(f1a.contains("USA alone\t35.00\t20.00\n"))  // 35/100, 40/200
        let f1c = try String(contentsOf: out.appendingPathComponent("Figure1c.tsv"), encoding: .utf8)
        #expect(f1c.contains("CN alone/CN\t83.33\t88.89\n")) // 25/30, 80/90
        #expect(f1c.contains("CN-US collab/US\t0.15\t0.24\n")) // 6/40, 12/50
        let s1 = try String(contentsOf: out.appendingPathComponent("FigureS1.tsv"), encoding: .utf8)
        #expect(s1 == "\tReaxys substances\tMerged data\tPercentage\n2020\t100\t76\t76.00\n2021\t200\t151\t75.50\n")
        let top = try String(contentsOf: out.appendingPathComponent("TopCountries_allSubs.tsv"), encoding: .utf8)
        // 2020: US 1, CN 2, DE 3; 2021: CN 1, US 2, DE 3. Equal means keep code order.
        #expect(top == "rank\tkey\tlabel\taverage_rank\n1\tCN\tChina\t1.50\n2\tUS\tUS\t1.50\n3\tDE\tGermany\t3.00\n")
        #expect(run.summary.contains("""
          country             share 2020  share 2021     change
          China (CN)              30.00%      45.00%  +15.00 pp
          United States (US)      40.00%      25.00%  -15.00 pp
          Germany (DE)            10.00%      10.00%    0.00 pp

        """))
        #expect(run.summary.contains("China (CN) 83.33% → 88.89%; United States (US) 87.50% → 80.00%"))
        #expect(run.summary.contains("China (CN) – United States (US) 18"))
    }

    @Test func htmlReportIsSelfContained() throws {
        let (out, _) = try Self.writeFigures(from: Self.smallTables)
        defer { try? FileManager.default.removeItem(at: out) }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let lower = html.lowercased()
        for pattern in ["src=", "href=", "url(", "@import", "<link", "<script", "<img", "<iframe", "<object", "<embed"] {
            #expect(!lower.contains(pattern), "report.html contains \(pattern)")
        }
        // The only URL is the SVG namespace name, which is never fetched.
        let urls = lower.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") })
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
        #expect(html.contains("Records read: 300"))          // the run's data-quality section
        #expect(html.contains("first affiliation"))          // the method paragraph
        #expect(html.contains("<td>China</td><td>30.00</td><td>45.00</td>"))
    }

    @Test func optionsChooseCountriesYearsAndRegions() throws {
        var options = FigureOptions()
        options.countries = [try #require(CountryCode("DE")), try #require(CountryCode("US"))]
        options.years = 2021...2021
        let (out, run) = try Self.writeFigures(from: Self.smallTables, options: options)
        defer { try? FileManager.default.removeItem(at: out) }
        let f1a = try #require(run.tables.first { $0.spec.name == "Figure1a" }).table
        #expect(f1a.years == [2021])
        #expect(f1a.rows.map(\.key) == ["Germany", "US", "USA alone", "CN alone"])
        #expect(f1a.rows.map(\.cells) == [["10.00"], ["25.00"], ["20.00"], ["40.00"]])
    }

    /// Researchers = researchers per million × population / 10^6; weights per
    /// 1,000 researchers and per million people follow.
    @Test func worldBankTablesWhenPopulationIsGiven() throws {
        var tables = Self.smallTables
        tables[FigureInputs.worldBankFileName] = """
        \tCountry Code\t2020\t2021
        Researchers in R&D (per million people)\tCN\t1000\t1500
        Researchers in R&D (per million people)\tUS\t4000\t5000
        Population, total\tCN\t1000000000\t1000000000
        Population, total\tUS\t300000000\t300000000

        """
        let (out, run) = try Self.writeFigures(from: tables)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(!run.underived.contains { $0.name == "Figure1e" })
        func rows(_ name: String) throws -> [[String]] {
            try #require(run.tables.first { $0.spec.name == name }).table.rows.map { [$0.key] + $0.cells }
        }
        #expect(try rows("Figure1e") == [["China", "1000000", "1500000"], ["US", "1200000", "1500000"]])
        // CN: 30 / 1,000,000 × 1000, 90 / 1,500,000 × 1000; US: 40 / 1,200,000 × 1000, 50 / 1,500,000 × 1000.
        #expect(try rows("PerResearcher") == [["China", "0.03", "0.06"], ["US", "0.03", "0.03"]])
        // CN: 30 / 10^9 × 10^6; US: 40 / 3·10^8 × 10^6 = 0.133, 50 / 3·10^8 × 10^6 = 0.167.
        #expect(try rows("PerPopulation") == [["China", "0.03", "0.09"], ["US", "0.13", "0.17"]])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("PerResearcher.svg").path))
    }

    /// `analyze --figures` reads back the folder a run wrote: every table made
    /// from that folder equals the one made from the run's tallies in memory,
    /// including the "w/o" rows (from measures.csv) and coverage (Coverage.tsv).
    @Test func analyzeOutputFolderGivesTheSameFigures() async throws {
        var options = AnalysisOptions()
        options.workFiles = [Fixture.shared("corpora/openalex-json/openalexPro__biodiversity_finance_200.jsonl"),
                             Fixture.shared("corpora/openalex-json/openalexPro__keypaper_results_page_1.json")]
        options.threads = 1
        let result = try await AnalysisPipeline(options: options).run()
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try AnalysisReportWriter(folder: folder.path).write(result)

        let fromFolder = try FigureInputs.load(folder: folder.path)
        #expect(fromFolder.hasAuthorLevelSums && fromFolder.hasMatchedCounts)
        #expect(fromFolder.unitNoun == "publications")
        var inMemory = FigureInputs(tally: result.tally, years: PaperTables.yearSpan(result.tally),
                                    hasAuthorLevelSums: true, hasMatchedCounts: true)
        inMemory.unitNoun = "publications"

        let a = FigureReport.make(fromFolder), b = FigureReport.make(inMemory)
        #expect(a.tables.map(\.spec.name) == ["Figure1a", "Figure1b", "Figure1c", "Figure2a", "FigureS1"])
        for (x, y) in zip(a.tables, b.tables) {
            #expect(x.tsv == y.tsv, "\(x.spec.name)")
        }
        let f1a = try #require(a.tables.first).table
        #expect(f1a.rows.map(\.key).contains("US w/o China"))
    }

    @Test func missingTotalsIsAnInputError() throws {
        let empty = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: InputError.self) { try FigureInputs.load(folder: empty.path) }
    }

    @Test func chartsStyleEmphasisedLinesApart() {
        let styles = SVGLineChart.styles(for: [
            ChartSeries(label: "China", values: [], isEmphasised: true),
            ChartSeries(label: "US", values: [], isEmphasised: true),
            ChartSeries(label: "Japan", values: []),
            ChartSeries(label: "India", values: []),
        ])
        #expect(styles.map(\.width) == [3, 3, 1.6, 1.6])
        // Greyscale: every line differs from every other by dash pattern or marker.
        for i in styles.indices {
            for j in styles.indices where i < j {
                #expect(styles[i].dash != styles[j].dash || styles[i].marker != styles[j].marker)
            }
        }
    }

    /// A focus country's variants ("CN alone") keep its colour, thinner and
    /// with their own dash and marker.
    @Test func groupedLinesShareTheCountryColour() {
        let styles = SVGLineChart.styles(for: [
            ChartSeries(label: "China", values: [], isEmphasised: true),
            ChartSeries(label: "US", values: [], isEmphasised: true),
            ChartSeries(label: "USA alone", values: [], isEmphasised: true, group: "US"),
            ChartSeries(label: "CN alone", values: [], isEmphasised: true, group: "China"),
        ])
        #expect(styles.map(\.colour) == ["#B2182B", "#08306B", "#08306B", "#B2182B"])
        #expect(styles.map(\.width) == [3, 3, 2.2, 2.2])
        #expect(styles.map(\.dash) == ["", "6 3", "8 3 2 3", "2 2"])
    }

    @Test func axisTicksAreRound() {
        let s = AxisScale(values: [1.48, 41.41])
        #expect(s.ticks == [0, 10, 20, 30, 40, 50])
        let r = AxisScale(values: [0, 0.18])
        #expect(r.ticks.map { r.label($0) } == ["0.00", "0.05", "0.10", "0.15", "0.20"])
    }
}
