import Foundation
import Testing
import RareShare

/// `rareshare resolve` end to end: arguments, standard input, JSON lines, exit codes.
@Suite struct ResolveCommandTests {
    @Test func resolvesArgumentsWithEvidence() throws {
        let r = try CommandRunner.run(["resolve", "Boston, MA", "Hong Kong, Peoples R China", "Department of Chemistry"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].contains("US"))
        #expect(lines[1].contains("HK"))
        #expect(!lines[2].contains("\tUS") && !lines[2].contains("\tCN"))
    }

    @Test func jsonLinesFromStandardInput() throws {
        let r = try CommandRunner.run(["resolve", "--json"], input: "Tohoku Univ, Sendai, Miyagi 9808578, Japan\nDept Chem, Ames, IA 50011 USA\n")
        #expect(r.status == 0)
        let objects = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(objects[0]["affiliation"] as? String == "Tohoku Univ, Sendai, Miyagi 9808578, Japan")
        #expect(objects[0]["country"] as? String == "JP")
        #expect(objects[1]["country"] as? String == "US")
        #expect(objects.allSatisfy { $0["evidence"] is String })
        #expect(objects[0]["rule"] as? String == "country-name")
    }

    @Test func jsonEscapesQuotesBackslashesAndControls() throws {
        let answer = CountryResolution(country: nil, evidence: "a \"b\" \\ c", rule: "unresolved")
        let line = String(decoding: ResolutionLineWriter.line("Tab\there, \u{1}x, Zürich", answer, format: .json), as: UTF8.self)
        #expect(line == "{\"affiliation\":\"Tab\\there, \\u0001x, Zürich\",\"country\":null,\"evidence\":\"a \\\"b\\\" \\\\ c\",\"rule\":\"unresolved\"}\n")
        let tsv = String(decoding: ResolutionLineWriter.line("Boston, MA", CountryResolution(country: CountryCode("US"), evidence: "x", rule: "region"), format: .tsv), as: UTF8.self)
        #expect(tsv == "US\tx [region]\tBoston, MA\n")
    }

    @Test func unresolvedIsNullInJSON() throws {
        let r = try CommandRunner.run(["resolve", "--json", "Department of Chemistry"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["country"] is NSNull)
    }

    @Test func badOptionIsAUsageError() throws {
        let r = try CommandRunner.run(["resolve", "--no-such-option"])
        #expect(r.status == 64)
    }
}
