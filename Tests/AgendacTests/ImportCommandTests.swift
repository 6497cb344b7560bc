import AgendaCLI
import Foundation
import Testing

/// `agendac import`: where it writes, what it prints, and what it refuses.
@Suite struct ImportCommandTests {
    static let minutes = """
        REFERAT Udvalget d. 04-05-2026

        Punkt 1: Godkendelse af dagsorden

        21/24526

        Beslutning

        Godkendt.

        """

    @Test func oneFileIsWrittenBesideItWithTheReportPrinted() throws {
        let folder = temporaryTestFolder("import-one")
        try Self.minutes.write(to: folder.appendingPathComponent("referat.txt"), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        #expect(CLI.run(["import", "referat.txt"], io: output.io(in: folder)) == 0)
        let written = try String(contentsOf: folder.appendingPathComponent("referat.agenda"), encoding: .utf8)
        #expect(written.contains("punkt 1: Godkendelse af dagsorden\nsagsnr: 21/24526"))
        #expect(output.standardOutput.hasPrefix("referat.txt → referat.agenda: 1 item, 1 sections"))
        #expect(output.standardOutput.contains("everything was placed"))
        #expect(output.standardOutput.contains("referat.agenda: checks clean"))
    }

    /// The checker's findings on the import, listed apart from the import's own:
    /// here one true of the original (an absentee it never lists as a participant).
    @Test func theCheckersFindingsAreListedApart() throws {
        let folder = temporaryTestFolder("import-check-findings")
        let minutes = """
            REFERAT Udvalget d. 04-05-2026

            Deltagere: Anna Hansen, Bo Jensen
            Fraværende: Carl Nielsen

            Punkt 1: Godkendelse af dagsorden

            21/24526

            Beslutning

            Godkendt.

            """
        try minutes.write(to: folder.appendingPathComponent("referat.txt"), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        #expect(CLI.run(["import", "referat.txt"], io: output.io(in: folder)) == 0)
        #expect(output.standardOutput.contains("everything was placed"))
        #expect(output.standardOutput.contains("referat.agenda: the checker's findings (0 errors, 1 warning): what the original says, or worth a look; not import problems"))
        #expect(output.standardOutput.contains("  referat.agenda:"))
        #expect(output.standardOutput.contains("warning AG500: Carl Nielsen is absent but not among the participants"))
    }

    @Test func severalFilesGoIntoTheFolderOfOutput() throws {
        let folder = temporaryTestFolder("import-many")
        for name in ["a.txt", "b.md"] { try Self.minutes.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let output = CapturedOutput()
        #expect(CLI.run(["import", "a.txt", "b.md", "-o", "ud"], io: output.io(in: folder)) == 0)
        for name in ["a.agenda", "b.agenda"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ud/\(name)").path))
        }
    }

    @Test func aMissingFileAndAnUnusableOneAreReportedAndTheOthersDone() throws {
        let folder = temporaryTestFolder("import-bad")
        try Self.minutes.write(to: folder.appendingPathComponent("god.txt"), atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("binær.txt"))
        let output = CapturedOutput()
        #expect(CLI.run(["import", "mangler.txt", "binær.txt", "god.txt", "-o", "ud"], io: output.io(in: folder)) == 2)
        #expect(output.standardError.contains("mangler.txt: cannot be read"))
        #expect(output.standardError.contains("binær.txt: is not UTF-8 text"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ud/god.agenda").path))
    }

    @Test func withoutFilesItIsAUsageError() {
        let output = CapturedOutput()
        #expect(CLI.run(["import"], io: output.io(in: temporaryTestFolder("import-none"))) == 2)
        #expect(output.standardError.contains("import needs files"))
    }
}

extension ImportCommandTests {
    @Test func intoArchiveFilesTheImportAsArchiveAddDoes() throws {
        let folder = temporaryTestFolder("import-archive")
        try Self.minutes.write(to: folder.appendingPathComponent("referat.txt"), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        let code = CLI.run(["import", "referat.txt", "--into-archive", "--archive", "arkiv", "--at", "2026-05-05T10:00:00Z"], io: output.io(in: folder))
        #expect(code == 2, "--at belongs to archive add, not import")
        let second = CapturedOutput()
        #expect(CLI.run(["import", "referat.txt", "--into-archive", "--archive", "arkiv"], io: second.io(in: folder)) == 0, "\(second.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("arkiv/ledger.jsonl").path))
        let listing = CapturedOutput()
        #expect(CLI.run(["archive", "list", "--archive", "arkiv"], io: listing.io(in: folder)) == 0)
        #expect(listing.standardOutput.contains("2026-05-04"))
    }

    @Test func archiveWithoutIntoArchiveIsAUsageError() {
        let output = CapturedOutput()
        #expect(CLI.run(["import", "a.txt", "--archive", "arkiv"], io: output.io(in: temporaryTestFolder("import-usage"))) == 2)
        #expect(output.standardError.contains("add --into-archive"))
    }
}

/// Case numbers in a form the checker reads only from the settings (Aalborg's
/// `2024-012345`): the import writes `agendac.json` naming the form when the
/// folder has none, so the import checks clean; an existing one is never changed.
extension ImportCommandTests {
    static let aalborgLike = """
        Økonomiudvalget
        Mødedato: 05.02.2025

        Pkt. 1  Anlægsbevilling til renovering af Haraldslund
        2024-012345
        Beslutning:
        Anbefales.

        Pkt. 2  Budgetopfølgning
        2024-012346
        Beslutning:
        Godkendt.

        """

    @Test func aFormTheCheckerDoesNotKnowGetsSettingsWrittenAndChecksClean() throws {
        let folder = temporaryTestFolder("import-case-form")
        try Self.aalborgLike.write(to: folder.appendingPathComponent("referat.txt"), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        #expect(CLI.run(["import", "referat.txt"], io: output.io(in: folder)) == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("case numbers in a form the checker reads only from the settings: yyyy-nnnnnn"))
        #expect(output.standardOutput.contains("case numbers written \"yyyy-nnnnnn\" → "))
        let settings = try String(contentsOf: folder.appendingPathComponent("agendac.json"), encoding: .utf8)
        #expect(settings.contains("\"yyyy-nnnnnn\", \"nn.nn.nn-Xnn-n-yy\", \"yy/n\""))
        let written = try String(contentsOf: folder.appendingPathComponent("referat.agenda"), encoding: .utf8)
        #expect(written.contains("sagsnr: 2024-012345") && written.contains("sagsnr: 2024-012346"))
        let check = CapturedOutput()
        #expect(CLI.run(["check", "referat.agenda"], io: check.io(in: folder)) == 0, "\(check.standardOutput)\(check.standardError)")

        // a second import reads the form from the settings just written, and reports nothing
        let again = CapturedOutput()
        #expect(CLI.run(["import", "referat.txt", "-o", "igen.agenda"], io: again.io(in: folder)) == 0)
        #expect(!again.standardOutput.contains("case numbers"))
        #expect(try String(contentsOf: folder.appendingPathComponent("igen.agenda"), encoding: .utf8).contains("sagsnr: 2024-012345"))
    }

    @Test func existingSettingsAreNotChangedButTheLineToAddIsPrinted() throws {
        let folder = temporaryTestFolder("import-case-form-settings")
        let settings = "{ \"municipality\": \"Aalborg Kommune\" }\n"
        try settings.write(to: folder.appendingPathComponent("agendac.json"), atomically: true, encoding: .utf8)
        try Self.aalborgLike.write(to: folder.appendingPathComponent("referat.txt"), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        #expect(CLI.run(["import", "referat.txt"], io: output.io(in: folder)) == 0)
        #expect(output.standardOutput.contains("add it to `caseNumberPatterns` in"))
        #expect(try String(contentsOf: folder.appendingPathComponent("agendac.json"), encoding: .utf8) == settings)
    }
}
