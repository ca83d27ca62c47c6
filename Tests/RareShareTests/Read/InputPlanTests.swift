import Foundation
import Testing
@testable import RareShare

/// Every input is checked once, before any reading, with the same verdicts
/// for `analyze`, `extract` and `inspect`.
@Suite struct InputPlanTests {
    private func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func demoExportsArePlannedByKindInOrder() throws {
        let plan = try InputPlan(substances: [Fixture.path("demo/substances/substances-1.xml"), Fixture.path("demo/substances/substances-2.xml")],
                                 citations: [Fixture.path("demo/citations/citations.xml")],
                                 works: [Fixture.path("demo/works/works-1.jsonl"), Fixture.path("formats/lens_sample.csv")])
        #expect(plan.substances.map(\.format) == [.reaxysSubstances, .reaxysSubstances])
        #expect(plan.substances.map(\.index) == [0, 1])
        #expect(plan.citations.map(\.format) == [.reaxysCitations])
        #expect(plan.works.map(\.format) == [.openAlexJSON, .lensCSV])
        #expect(plan.works.map(\.kind) == [.works, .works])
        #expect(plan.files.map(\.compression) == Array(repeating: .none, count: 5))
        #expect(plan.files.map(\.encoding) == Array(repeating: .utf8, count: 5))
        #expect(plan.problems.isEmpty)
    }

    @Test func emptyFileIsLeftOutAndListedKeepingTheOthersPlaces() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = try write(Array(" \n\t\r\n".utf8), "blank.jsonl", in: dir)
        let lens = Fixture.path("formats/lens_sample.csv")
        let plan = try InputPlan(works: [blank, lens])
        #expect(plan.works.map(\.path) == [lens])
        #expect(plan.works.map(\.index) == [1])
        #expect(plan.problems.problems.map(\.description) == ["\(blank): the file is empty; nothing was read from it"])
        let error = try #require(throws: InputError.self) { try InputPlan(works: [blank, lens], strict: true) }
        #expect(error.kind == .strictProblem)
    }

    @Test func gzipAndEncodingsAreFoundFromTheContent() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // "Lens ID,Title\n1,Café\n" in Windows-1252: é is the single byte 0xE9.
        let legacy = try write(Array("Lens ID,Title\n1,Caf".utf8) + [0xE9] + Array("\n".utf8), "lens.txt", in: dir)
        let header = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><reaxys><substance><IDE.XRN>1</IDE.XRN></substance></reaxys>"
        let utf16 = try write([0xFF, 0xFE] + header.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "s.xml", in: dir)
        let gzipped = dir.appendingPathComponent("works.jsonl.gz").path
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c '\(Fixture.path("demo/works/works-1.jsonl"))' > '\(gzipped)'"]
        try gzip.run()
        gzip.waitUntilExit()

        let plan = try InputPlan(substances: [utf16], works: [legacy, gzipped])
        #expect(plan.substances.map(\.encoding) == [.utf16LittleEndian])
        #expect(plan.substances.first?.isUTF16 == true)
        #expect(plan.works.map(\.format) == [.lensCSV, .openAlexJSON])
        #expect(plan.works.map(\.encoding) == [.windows1252, .utf8])
        #expect(plan.works.map(\.compression) == [.none, .gzip])
        #expect(plan.problems.problems.map(\.position.description) == ["\(legacy):1"])
        let error = try #require(throws: InputError.self) { try InputPlan(works: [legacy], strict: true) }
        #expect(error.kind == .badEncoding)
    }

    @Test func aFileNamedUnderTheWrongOptionIsRefusedWithWhatItIs() throws {
        let works = Fixture.path("demo/works/works-1.jsonl")
        let error = try #require(throws: InputError.self) { try InputPlan(substances: [works]) }
        #expect(error.description == "\(works): expected a Reaxys substance export, but this looks like openalex-json")
        let reaxys = Fixture.path("demo/citations/citations.xml")
        let asWorks = try #require(throws: InputError.self) { try InputPlan(works: [reaxys]) }
        #expect(asWorks.description == "\(reaxys): reaxys-citations is not a bibliographic format RareShare reads")
        // A substance export may stand for a citation export: its citation blocks are read.
        let substances = Fixture.path("demo/substances/substances-1.xml")
        #expect(try InputPlan(citations: [substances]).citations.map(\.format) == [.reaxysCitations])
    }

    @Test func inspectExaminesAnyFormatWithoutARole() throws {
        let file = try InputFile.examine(Fixture.path("formats/medline_sample.txt"))
        #expect(file.kind == nil)
        #expect(file.format == .medlineText)
        #expect(file.encoding == .utf8)
        let forced = try InputFile.examine(Fixture.path("formats/lens_sample.csv"), format: .scopusCSV)
        #expect(forced.format == .scopusCSV)
        let missing = try #require(throws: InputError.self) { try InputFile.examine("/nonexistent/file.csv") }
        #expect(missing.kind == .missing)
    }
}
