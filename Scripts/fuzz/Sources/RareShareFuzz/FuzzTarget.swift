import Foundation
import RareShare

/// Which reader one fuzzing run drives, from `RARESHARE_FUZZ_TARGET`.
///
/// - `substances`: Reaxys substance XML, through the batch parser (bytes in memory)
/// - `citations`: Reaxys citation XML (through a temporary file)
/// - `json`: the JSON record splitter and the OpenAlex record parser
/// - `formula`: molecular formula parsing and region classification
/// - `doi`: DOI normalization
/// - `file`: any bibliographic export: format detection and the reader it picks
enum FuzzTarget: String, CaseIterable {
    case substances, citations, json, formula, doi, file

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["RARESHARE_FUZZ_TARGET"] ?? "substances"
        guard let t = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write("unknown RARESHARE_FUZZ_TARGET \(name); one of \(allCases.map(\.rawValue))\n".data(using: .utf8)!)
            exit(64)
        }
        return t
    }()

    static let scratch: String = {
        let dir = NSTemporaryDirectory() + "rareshare-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/input"
    }()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .substances:
            let batch = XMLRecordChunker.Batch(index: 0, bytes: bytes, declaration: [])
            let result = ReaxysSubstanceReader().parse(batch, file: "fuzz.xml")
            precondition(result.stats.recordsRead == result.stats.recordsUsed + result.stats.recordsSkipped)
        case .citations:
            guard write(bytes) else { return }
            var log = ProblemLog()
            if let stats = try? ReaxysCitationReader().read(path: Self.scratch, log: &log, { _ in }) {
                precondition(stats.recordsRead == stats.recordsUsed + stats.recordsSkipped)
            }
        case .json:
            var splitter = JSONRecordSplitter()
            var ordinal = 0
            try? splitter.feed(bytes) { record in
                let parsed = OpenAlexReader.parse(record, file: "fuzz.json", ordinal: ordinal)
                ordinal += parsed.records
            }
            _ = splitter.finish()
        case .formula:
            let formula = Formula(String(decoding: bytes, as: UTF8.self))
            let regions = RegionClassifier().regions(of: formula)
            precondition(regions.contains(.all))
            precondition(!regions.contains(.organometallic) || regions.contains(.organic))
        case .doi:
            if let doi = DOI.normalize(String(decoding: bytes, as: UTF8.self)) {
                precondition(DOI.normalize(doi) == doi, "normalization is idempotent")
            }
        case .file:
            guard write(bytes) else { return }
            var log = ProblemLog()
            if let reader = try? FormatDetector.workReader(for: Self.scratch),
               let stats = try? reader.read(path: Self.scratch, log: &log, { _ in }) {
                precondition(stats.recordsRead == stats.recordsUsed + stats.recordsSkipped)
            }
        }
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        FileManager.default.createFile(atPath: Self.scratch, contents: Data(bytes))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.current.run(bytes)
    return 0
}

/// libFuzzer's driver; SwiftPM names an executable's entry point after the
/// module, so the entry point hands control to libFuzzer explicitly.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("RareShareFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, fuzzOneInput)
}
