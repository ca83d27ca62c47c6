import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RareShare

@Suite struct CollaborationNetworkWriterTests {
    static var graph: CollaborationNetwork.Graph {
        CollaborationNetworkTests.network.graph(.all, YearRange(2020, 2020)!)
    }

    /// A VOSviewer map file read back by its header, as VOSviewer does.
    struct MapRow: Equatable {
        var id: Int
        var label: String
        var weights: [String: Double]
    }

    func parseMap(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [MapRow] {
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first, sourceLocation: sourceLocation)
        let idColumn = try #require(header.firstIndex(of: "id"), sourceLocation: sourceLocation)
        let labelColumn = try #require(header.firstIndex(of: "label"), sourceLocation: sourceLocation)
        var rows: [MapRow] = []
        for cells in lines.dropFirst() {
            #expect(cells.count == header.count, sourceLocation: sourceLocation)
            var weights: [String: Double] = [:]
            for (i, h) in header.enumerated() where h.hasPrefix("weight<") && h.hasSuffix(">") {
                weights[String(h.dropFirst(7).dropLast())] = Double(cells[i])
            }
            rows.append(MapRow(id: try #require(Int(cells[idColumn])), label: cells[labelColumn], weights: weights))
        }
        return rows
    }

    /// Network file: `id id strength` per line, no header.
    func parseNetwork(_ text: String) -> [[Double]] {
        text.split(separator: "\n").map { $0.split(separator: "\t").compactMap { Double($0) } }
    }

    @Test func vosviewerMapReadsBack() throws {
        let rows = try parseMap(CollaborationNetworkWriter.vosviewerMap(Self.graph))
        #expect(rows.map(\.label) == ["CN", "DE", "FR", "GB", "US"])
        #expect(rows.map(\.id) == [1, 2, 3, 4, 5])
        let de = try #require(rows.first { $0.label == "DE" })
        #expect(de.weights == ["Links": 3, "Total link strength": 3, "Total link strength (fractional)": 2,
                               "Documents": 2, "International documents": 2, "Fractional documents": 1.0 / 3.0 + 0.75])
        let gb = try #require(rows.first { $0.label == "GB" })
        #expect(gb.weights["Links"] == 0 && gb.weights["Documents"] == 1)
    }

    @Test func vosviewerNetworksReadBack() {
        // Ids: CN 1, DE 2, FR 3, GB 4, US 5.
        #expect(parseNetwork(CollaborationNetworkWriter.vosviewerNetwork(Self.graph, fractional: false))
                == [[1, 2, 1], [1, 5, 2], [2, 3, 1], [2, 5, 1]])
        #expect(parseNetwork(CollaborationNetworkWriter.vosviewerNetwork(Self.graph, fractional: true))
                == [[1, 2, 0.5], [1, 5, 1.5], [2, 3, 1], [2, 5, 0.5]])
    }

    /// Collects nodes and edges with their data values.
    final class GraphMLCollector: NSObject, XMLParserDelegate {
        var nodes: [String] = []
        var edges: [(String, String)] = []
        var data: [String: [String]] = [:]
        private var key: String?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "node": nodes.append(attributes["id"] ?? "")
            case "edge": edges.append((attributes["source"] ?? "", attributes["target"] ?? ""))
            case "data": key = attributes["key"]; text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "data", let key { data[key, default: []].append(text) }
            if name == "data" { key = nil }
        }
    }

    @Test func graphMLReadsBack() throws {
        let text = CollaborationNetworkWriter.graphML(Self.graph)
        let parser = XMLParser(data: Data(text.utf8))
        let collector = GraphMLCollector()
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.nodes == ["CN", "DE", "FR", "GB", "US"])
        #expect(collector.edges.map { "\($0.0)-\($0.1)" } == ["CN-DE", "CN-US", "DE-FR", "DE-US"])
        #expect(collector.data["full"] == ["1", "2", "1", "1"])
        #expect(collector.data["fractional"] == ["0.5", "1.5", "1", "0.5"])
        #expect(collector.data["documents"] == ["2", "2", "1", "1", "2"])
    }

    @Test func edgeListAndMatrix() {
        #expect(CollaborationNetworkWriter.edgeList(Self.graph) == """
        source,target,full,fractional
        CN,DE,1,0.5
        CN,US,2,1.5
        DE,FR,1,1
        DE,US,1,0.5

        """)
        #expect(CollaborationNetworkWriter.matrix(Self.graph) == """
        \tCN\tDE\tFR\tGB\tUS
        CN\t2\t1\t0\t0\t2
        DE\t1\t2\t1\t0\t1
        FR\t0\t1\t1\t0\t0
        GB\t0\t0\t0\t1\t0
        US\t2\t1\t0\t0\t2

        """)
    }
}
