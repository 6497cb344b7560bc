import AgendaBase
import AgendaCLI
import Foundation
import Testing

/// `agendac check` end to end through `CLI.run`: errors planted in a real
/// sample are reported at their line, with exit code 1; usage errors exit 2.
@Suite struct CheckCommandTests {
    static let sample = Golden.samples.appendingPathComponent("horsens-beskaeftigelses-og-integrationsudvalget-2026-05-04.agenda")

    /// A planted error: replace the first `find` with `replace`; the rule must fire on that line.
    struct Plant: CustomTestStringConvertible, Sendable {
        var code: String
        var find: String
        var replace: String
        /// When the finding belongs to an enclosing line (the item header, the section keyword): that line's start.
        var reportedAt: String? = nil
        var testDescription: String { "\(code): \(replace.prefix(40))" }
    }

    static let plants: [Plant] = [
        Plant(code: "AG200", find: "sagsnr: 15.00.00-A00-9-26", replace: "sagsnr: 15.00.00 A00 9 26"),
        Plant(code: "AG201", find: "sagsnr: 03.00.00-P05-1-26", replace: "sagsnr: 99.00.00-P05-1-26"),
        Plant(code: "AG202", find: "sagsnr: 03.00.00-P05-1-26", replace: "sagsnr: 03.00.00-X05-1-26"),
        Plant(code: "AG204", find: "sagsnr: 03.00.00-P05-1-26", replace: "sagsnr: 03.00.00-P05-1-27"),
        Plant(code: "AG300", find: "dato: 2026-05-04", replace: "dato: 2026-04-31"),
        Plant(code: "AG301", find: "tid: 15:00", replace: "tid: 15:75"),
        Plant(code: "AG400", find: "punkt 3:", replace: "punkt 2:"),
        Plant(code: "AG402", find: "beslutning:\nBeskæftigelses- og Integrationsudvalget godkendte det foreslåede format",
              replace: "sagsfremstilling:\nBeskæftigelses- og Integrationsudvalget godkendte det foreslåede format", reportedAt: "punkt 4:"),
        Plant(code: "AG404", find: "1. Beskæftigelses- og Integrationsudvalget godkender administrationens forslag",
              replace: "Beskæftigelses- og Integrationsudvalget godkender administrationens forslag", reportedAt: "indstilling:"),
        Plant(code: "AG500", find: "dato: 2026-05-04", replace: "dato: 2026-05-04\ndeltagere: Anna Hansen (A)\nfraværende: Jens Jensen"),
        Plant(code: "AG505", find: "BI Introduktion til udsatte boligområder\n", replace: "BI Introduktion til udsatte boligområder (fil: bilag/findes-ikke.pdf)\n"),
        Plant(code: "AG102", find: "resume:\nJobcentret", replace: "flertal: A\nresume:\nJobcentret"),
        Plant(code: "AG103", find: "punkt 4: BI Dataprofil 2026 - Sundparken og Sønderbro", replace: "punkt 4:"),
    ]

    static func run(_ arguments: [String], in folder: URL) -> (code: Int32, output: String, errors: String) {
        let output = CapturedOutput()
        let code = CLI.run(arguments, io: output.io(in: folder))
        return (code, output.standardOutput, output.standardError)
    }

    static func temporaryFolder() -> URL { temporaryTestFolder("agendac-check") }

    @Test func cleanSampleExitsZero() {
        let result = Self.run(["check", Self.sample.path], in: Golden.packageRoot)
        #expect(result.code == 0, "\(result.output)")
        #expect(result.output.contains("0 errors"))
    }

    @Test(arguments: plants)
    func plantedErrorIsReportedAtItsLine(_ plant: Plant) throws {
        let original = Golden.read(Self.sample)
        let range = try #require(original.range(of: plant.find), "the sample no longer contains the text to replace")
        let planted = original.replacingCharacters(in: range, with: plant.replace)
        // the line where the replacement starts, plus the lines it spans
        var firstLine = original[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        var lastLine = firstLine + plant.replace.filter { $0 == "\n" }.count + 1
        if let enclosing = plant.reportedAt, let above = original[..<range.lowerBound].range(of: "\n" + enclosing, options: .backwards) {
            firstLine = original[..<above.lowerBound].filter { $0 == "\n" }.count + 2
            lastLine = firstLine
        }
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("planted.agenda")
        try planted.write(to: file, atomically: true, encoding: .utf8)

        let result = Self.run(["check", "planted.agenda", "--format", "json"], in: folder)
        let findings = try JSON.parse(result.output).arrayValue ?? []
        let matching = findings.filter { $0["code"]?.stringValue == plant.code }
        #expect(!matching.isEmpty, "\(plant.code) not reported; got \(findings.compactMap { $0["code"]?.stringValue })")
        for finding in matching {
            let line = finding["line"]?.intValue ?? 0
            #expect((firstLine...lastLine).contains(line), "\(plant.code) at line \(line), planted at \(firstLine)–\(lastLine)")
            #expect(finding["file"]?.stringValue == "planted.agenda")
            #expect((finding["column"]?.intValue ?? 0) >= 1)
            #expect(finding["message"]?.stringValue?.isEmpty == false)
        }
        let isError = matching.contains { $0["severity"]?.stringValue == "error" }
        #expect(result.code == (isError ? 1 : 0), "exit code \(result.code)")
    }

    @Test func columnsCountUnicodeScalars() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "møde: Ø\ndato: 2026-05-04\npunkt 1: 🙂 Åbning\nsagsnr: ææ/1\nresume:\nx\n".write(
            to: folder.appendingPathComponent("a.agenda"), atomically: true, encoding: .utf8)
        let result = Self.run(["check", ".", "--format", "json"], in: folder)
        let finding = try #require((try JSON.parse(result.output).arrayValue ?? []).first { $0["code"]?.stringValue == "AG200" })
        #expect(finding["line"]?.intValue == 4)
        #expect(finding["column"]?.intValue == 9)
        #expect(finding["endColumn"]?.intValue == 13)
        #expect(result.code == 1)
    }

    @Test func githubFormatWritesAnnotations() {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try? "møde: X\ndato: 2026-02-30\n".write(to: folder.appendingPathComponent("a.agenda"), atomically: true, encoding: .utf8)
        let result = Self.run(["check", "a.agenda", "--format", "github"], in: folder)
        #expect(result.output.hasPrefix("::error file=a.agenda,line=2,col=7,"), "\(result.output)")
        #expect(result.output.contains("title=AG300::"))
        #expect(result.code == 1)
    }

    @Test(arguments: [
        ["check"], ["check", "--format", "xml", "x.agenda"], ["check", "--colour", "x.agenda"], ["check", "no-such-file.agenda"], ["frobnicate"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) {
        let result = Self.run(arguments, in: Golden.packageRoot)
        #expect(result.code == 2)
        #expect(result.errors.hasPrefix("agendac: "), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count <= 2, "usage errors are short")
    }
}
