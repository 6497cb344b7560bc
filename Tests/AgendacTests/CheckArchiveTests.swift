import AgendaBase
import Foundation
import Testing

/// The real archive of the samples (`agendac archive add samples/*.agenda`),
/// made once for the tests that read `sagens gang:` lines against it.
enum SamplesArchive {
    static let folder = ArchiveExportCommandTests.samplesArchive()

    /// The fixture whose `sagens gang:` lines each contradict the archive in one way.
    static let historyLines = Golden.fixtures.appendingPathComponent("archive/checks/history-lines.agenda")

    /// A fresh workspace holding the fixture, its `agendac.json` naming `archive`
    /// (nil: no `archive`), the text given as it is.
    static func workspace(archive: String?) throws -> URL {
        let folder = temporaryTestFolder("agendac-archive-workspace")
        let settings = archive.map { "{\"archive\": \"\($0)\"}\n" } ?? "{}\n"
        try settings.write(to: folder.appendingPathComponent("agendac.json"), atomically: true, encoding: .utf8)
        try Golden.read(historyLines).write(to: folder.appendingPathComponent("history-lines.agenda"), atomically: true, encoding: .utf8)
        return folder
    }
}

/// `agendac check` with an archive: `sagens gang:` lines read against the real
/// archive of the samples (AG705–AG707) at their line and column, in every output format.
@Suite(.serialized) struct CheckArchiveTests {
    static func check(_ arguments: [String], in folder: URL) -> (code: Int32, output: String, errors: String) {
        ArchiveStoreTests.run(["check"] + arguments, in: folder)
    }

    /// `Tests/Fixtures/archive/checks/history-lines.check`: the text report with the settings' archive.
    @Test func theSettingsArchiveIsReadAndItsFindingsReportedAtTheirPlace() throws {
        let workspace = try SamplesArchive.workspace(archive: SamplesArchive.folder.path)
        let result = Self.check(["history-lines.agenda"], in: workspace)
        #expect(result.code == 0, "warnings only: \(result.errors)")
        Golden.check(result.output, against: Golden.fixtures.appendingPathComponent("archive/checks/history-lines.check"))
        #expect(result.output.contains("history-lines.agenda:14:3: warning AG707: item 3 of Beskæftigelses- og Integrationsudvalget 4. maj 2026 carries case 01.00.00-P20-1-18"))
        #expect(result.output.contains("history-lines.agenda:15:3: warning AG706:"))
        #expect(result.output.contains("history-lines.agenda:16:3: warning AG705:"))
    }

    @Test func aRelativeArchiveIsFoundFromTheSettingsFolder() throws {
        let workspace = try SamplesArchive.workspace(archive: nil)
        let relative = String(repeating: "../", count: workspace.pathComponents.count - 1) + SamplesArchive.folder.path.dropFirst()
        try "{\"archive\": \"\(relative)\"}".write(to: workspace.appendingPathComponent("agendac.json"), atomically: true, encoding: .utf8)
        let result = Self.check(["."], in: workspace)
        #expect(result.output.contains("history-lines.agenda:15:3: warning AG706:"), "\(result.output)")
    }

    @Test func jsonAndSARIFCarryTheArchiveFindingsWithTheOthers() throws {
        let workspace = try SamplesArchive.workspace(archive: SamplesArchive.folder.path)
        let json = try JSON.parse(Array(Self.check(["--format", "json", "history-lines.agenda"], in: workspace).output.utf8))
        let found = (json.arrayValue ?? []).map { "\($0["code"]?.stringValue ?? "") \($0["line"]?.intValue ?? 0):\($0["column"]?.intValue ?? 0)-\($0["endLine"]?.intValue ?? 0):\($0["endColumn"]?.intValue ?? 0)" }
        #expect(found == ["AG707 14:3-14:73", "AG706 15:3-15:74", "AG705 16:3-16:73", "AG705 17:3-17:41", "AG705 18:3-18:22"])
        let sarif = try JSON.parse(Array(Self.check(["--format", "sarif", "history-lines.agenda"], in: workspace).output.utf8))
        let results = sarif["runs"]?[0]?["results"]?.arrayValue ?? []
        let ag706 = results.first { $0["ruleId"] == .string("AG706") }
        #expect(ag706?["locations"]?[0]?["physicalLocation"]?["region"]?["startLine"] == .int(15))
        #expect(ag706?["locations"]?[0]?["physicalLocation"]?["region"]?["startColumn"] == .int(3))
        let rules = sarif["runs"]?[0]?["tool"]?["driver"]?["rules"]?.arrayValue ?? []
        #expect(rules.contains { $0["id"] == .string("AG707") })
    }

    @Test func theArchiveOptionWinsAndWithoutAnArchiveNothingChanges() throws {
        let workspace = try SamplesArchive.workspace(archive: nil)
        let plain = Self.check(["history-lines.agenda"], in: workspace)
        #expect(plain.code == 0 && !plain.output.contains("AG70"), "\(plain.output)")
        #expect(plain.output.hasSuffix("0 errors, 0 warnings in 1 file\n"))
        let given = Self.check(["history-lines.agenda", "--archive", SamplesArchive.folder.path], in: workspace)
        #expect(given.output.contains("history-lines.agenda:15:3: warning AG706:"), "\(given.output)")
    }

    @Test func aMissingArchiveInTheSettingsIsOneFindingNamingThem() throws {
        let workspace = try SamplesArchive.workspace(archive: "arkiv-findes-ikke")
        try Golden.read(SamplesArchive.historyLines).write(to: workspace.appendingPathComponent("igen.agenda"), atomically: true, encoding: .utf8)
        let result = Self.check(["."], in: workspace)
        #expect(result.code == 0, "\(result.errors)")
        let problems = result.output.split(separator: "\n").filter { $0.contains("AG506") }
        #expect(problems.count == 1, "\(result.output)")
        #expect(problems.first?.contains("the archive named in agendac.json cannot be read") == true)
        #expect(problems.first?.contains("arkiv-findes-ikke: no such archive folder") == true)
        #expect(!result.output.contains("AG705"))
    }

    @Test func aBrokenArchiveGivenOnTheCommandLineIsAUsageError() throws {
        let workspace = try SamplesArchive.workspace(archive: nil)
        try "not an archive".write(to: workspace.appendingPathComponent("catalog.jsonl"), atomically: true, encoding: .utf8)
        let result = Self.check(["history-lines.agenda", "--archive", workspace.path], in: workspace)
        #expect(result.code == 2)
        #expect(result.errors.contains("is not an archive"), "\(result.errors)")
        #expect(Self.check(["history-lines.agenda", "--archive"], in: workspace).code == 2)
    }
}
