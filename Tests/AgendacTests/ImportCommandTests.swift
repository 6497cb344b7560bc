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
