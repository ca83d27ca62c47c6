import ArgumentParser
import RareShare

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Say what each export file is and what is in it, before an analysis.",
        discussion: """
        For each file: the format detected from its content, records read and \
        usable, years covered, authors with and without affiliations, and the \
        problems found. Files may be gzip-compressed.

          rareshare inspect savedrecs.txt scopus.csv pubmed.xml.gz
          rareshare inspect --json exports/*.txt | jq .records

        With --json, one JSON object per file and line, with at least the keys \
        file, format, records (usable), skipped and problems (a count).

        Text output ends with the records that describe the same publication \
        (same DOI, or same title, year and first author) across all the files \
        named, and which source each field of the merged record was kept from.
        """
    )

    @Argument(help: ArgumentHelp("Export files to inspect.", valueName: "file"))
    var files: [String]

    @Flag(help: "Print one JSON object per file instead of text.")
    var json = false

    @Option(name: .customLong("format"), help: ArgumentHelp("Read every file as this format instead of detecting it (\(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "format"))
    var format: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to inspect.") }
        if let format, SourceFormat(rawValue: format) == nil {
            throw ValidationError("unknown --format '\(format)'; known: \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        var failed: Int32 = 0
        var merger = WorkMerger()
        for file in files {
            do {
                let inspection = try FileInspection.inspect(path: file, override: format.flatMap(SourceFormat.init(rawValue:))) {
                    if !json { merger.add($0) }
                }
                print(json ? inspection.json : inspection.text)
            } catch let error as InputError {
                Terminal.error(error.description)
                if json { print(FileInspection.failureJSON(file: file, error: error)) }
                failed = error.exitCode
            }
        }
        let report = merger.finish().report
        if !json && report.recordsIn > 0 { print(report.text, terminator: "") }
        if failed != 0 { throw ExitCode(failed) }
    }
}
