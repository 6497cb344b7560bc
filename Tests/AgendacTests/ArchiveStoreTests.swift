@testable import AgendaArchive
import AgendaBase
import AgendaCLI
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The archive store: adding, superseding, replacing, approving, revising,
/// the hash chain and `verify`, atomic writes, and the loading API.
@Suite struct ArchiveStoreTests {
    static let fixtures = Golden.fixtures.appendingPathComponent("archive")
    static let meetings = fixtures.appendingPathComponent("moeder")
    static let meetingID = "oekonomiudvalget/2026-05-04"

    static func run(_ arguments: [String], in folder: URL = Golden.packageRoot) -> (code: Int32, output: String, errors: String) {
        let output = CapturedOutput()
        let code = CLI.run(arguments, io: output.io(in: folder))
        return (code, output.standardOutput, output.standardError)
    }

    static func archive(_ arguments: [String], _ archive: URL) -> (code: Int32, output: String, errors: String) {
        run(["archive"] + arguments + ["--archive", archive.path])
    }

    static func newArchive() -> URL { temporaryTestFolder("agendac-archive").appendingPathComponent("arkiv") }

    /// Every file below the archive with its bytes, for "left as it was".
    static func tree(_ root: URL) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            result[relative + (isFolder.boolValue ? "/" : "")] = isFolder.boolValue ? [] : Golden.bytes(url)
        }
        return result
    }

    static func document(_ url: URL) throws -> ArchiveDocument {
        let source = SourceText(bytes: Golden.bytes(url))
        let (context, _) = CheckContext.discover(for: url)
        let analyzed = AnalyzedDocument(source: source, context: context)
        #expect(!analyzed.diagnostics.contains { $0.severity == .error }, "\(url.lastPathComponent) does not check clean")
        return ArchiveDocument(source: source.bytes, file: url, meeting: analyzed.meeting)
    }

    /// The ledger with what depends on the renderers' bytes masked (rendered
    /// files' hashes and sizes, and so the chain's hashes): what was recorded,
    /// in which order, for which source and attachment bytes.
    static func ledgerSummary(_ archive: URL) -> String {
        let bytes = Golden.bytes(archive.appendingPathComponent(ArchiveLayout.ledgerName))
        return LedgerFile.lines(bytes).map { _, line -> String in
            guard let record = try? LedgerRecord.parse(line, place: "test") else { return "unreadable\n" }
            var text = "\(record.sequence) \(record.kind.rawValue) \(record.meeting) \(record.version) → \(record.stage.rawValue) at \(record.at)"
            if let by = record.by { text += " by \(by)" }
            if let reason = record.reason { text += " because \(reason)" }
            text += "\n  source \(record.source)\n"
            for file in record.files {
                let input = file.kind == .source || file.kind == .attachment
                text += "  \(file.kind.rawValue) \(file.path)" + (input ? " \(file.sha256) \(file.byteCount)" : "") + "\n"
            }
            return text
        }.joined()
    }

    // MARK: - the samples

    @Test func everySampleIsAddedApprovedAndVerified() throws {
        let archive = Self.newArchive()
        let samples = Golden.sampleFiles().map(\.path)
        let added = Self.archive(["add"] + samples + ["--at", "2026-06-02T10:00:00Z"], archive)
        #expect(added.code == 0, "\(added.errors)")
        #expect(added.output.split(separator: "\n").count == samples.count)
        var store = try ArchiveStore.open(at: archive)
        #expect(store.entries.count == samples.count)
        for entry in store.entries where entry.stage == .minutes {
            let names = entry.approvers.isEmpty ? ["Sekretariatet"] : entry.approvers
            for (index, name) in names.enumerated() {
                _ = try store.approve(entry.id, by: name, at: "2026-06-0\(3 + index % 5)T09:00:00Z")
            }
        }
        #expect(store.entries.allSatisfy { $0.stage == .approved || $0.stage == .agenda }, "\(store.entries.map(\.stage))")
        let verified = Self.archive(["verify"], archive)
        #expect(verified.code == 0, "\(verified.output)")
        #expect(verified.output.hasPrefix("intact: "))
        let snapshot = try store.snapshot()
        #expect(snapshot.meetings.count == samples.count)
        #expect(snapshot.meetings.map(\.id) == store.entries.map(\.id))
        // the case the samples share is found across the two Horsens meetings
        let history = snapshot.caseIndex().treatments(ofCase: "15.00.00-P05-3-25")
        #expect(history.map(\.date.iso) == ["2026-05-04", "2026-06-01"])
        Golden.check(Self.ledgerSummary(archive), against: Self.fixtures.appendingPathComponent("samples.ledger"))
        Golden.check(Self.archive(["list"], archive).output, against: Self.fixtures.appendingPathComponent("samples.list"))
    }

    @Test func addingTheSameFileAgainChangesNothing() throws {
        let archive = Self.newArchive()
        let file = Self.meetings.appendingPathComponent("referat.agenda").path
        #expect(Self.archive(["add", file, "--at", "2026-05-05T08:00:00Z"], archive).code == 0)
        let before = Self.tree(archive)
        let again = Self.archive(["add", file, "--at", "2026-05-06T08:00:00Z"], archive)
        #expect(again.code == 0)
        #expect(again.output.contains("unchanged"), "\(again.output)")
        #expect(Self.tree(archive) == before)
    }

    @Test func aDocumentWithErrorsIsReportedAndNothingIsAdded() throws {
        let folder = temporaryTestFolder("agendac-archive-errors")
        let broken = folder.appendingPathComponent("broken.agenda")
        try "møde: Økonomiudvalget\ndokument: referat\ndato: 2026-05-04\n\npunkt 1: Uden beslutning\nresume:\nTekst.\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let archive = Self.newArchive()
        let good = Self.meetings.appendingPathComponent("referat.agenda").path
        let result = Self.archive(["add", good, broken.path], archive)
        #expect(result.code == 1)
        #expect(result.errors.contains("broken.agenda:5:1: error AG402"), "\(result.errors)")
        #expect(result.errors.contains("nothing was added"))
        #expect(!FileManager.default.fileExists(atPath: archive.path), "the archive was made although nothing was added")
    }

    // MARK: - agenda, minutes, approval, revision

    @Test func theAgendaIsSupersededByTheMinutesAndKept() throws {
        let archive = Self.newArchive()
        let agenda = Self.archive(["add", Self.meetings.appendingPathComponent("dagsorden.agenda").path, "--at", "2026-04-27T08:00:00Z"], archive)
        #expect(agenda.output.contains("added the agenda"), "\(agenda.output) \(agenda.errors)")
        let minutes = Self.archive(["add", Self.meetings.appendingPathComponent("referat.agenda").path, "--at", "2026-05-05T08:00:00Z"], archive)
        #expect(minutes.output.contains("superseding the agenda"), "\(minutes.output) \(minutes.errors)")
        #expect(minutes.output.contains("awaiting approval by Anna Hansen, Bo Jensen"))
        let store = try ArchiveStore.open(at: archive)
        let meeting = try store.meeting(try #require(MeetingID(path: Self.meetingID)))
        #expect(meeting.stage == .minutes)
        #expect(meeting.approvers == ["Anna Hansen", "Bo Jensen"], "the signature sheet's signers, not the participants")
        #expect(meeting.earlierVersions.map(\.name) == ["agenda"])
        let kept = try #require(meeting.earlierVersions.first)
        for file in kept.files {
            #expect(SHA256.hexDigest(Golden.bytes(archive.appendingPathComponent(file.path))) == file.sha256)
        }
        // the agenda again, after the minutes: nothing changes
        let again = Self.archive(["add", Self.meetings.appendingPathComponent("dagsorden.agenda").path], archive)
        #expect(again.output.contains("unchanged"), "\(again.output) \(again.errors)")
        #expect(Self.archive(["verify"], archive).code == 0)
    }

    @Test func approvedMinutesChangeOnlyByARevisionAndTheOldOneIsKept() throws {
        let archive = Self.newArchive()
        let minutes = Self.meetings.appendingPathComponent("referat.agenda").path
        let corrected = Self.meetings.appendingPathComponent("referat-rettet.agenda").path
        #expect(Self.archive(["add", minutes, "--at", "2026-05-05T08:00:00Z"], archive).code == 0)
        let stranger = Self.archive(["approve", Self.meetingID, "--by", "Carl Lund"], archive)
        #expect(stranger.code == 1)
        #expect(stranger.errors.contains("not among those who approve"), "\(stranger.errors)")
        let first = Self.archive(["approve", Self.meetingID, "--by", "anna  hansen", "--at", "2026-05-06T09:00:00Z"], archive)
        #expect(first.output.contains("still missing: Bo Jensen"), "\(first.output) \(first.errors)")
        #expect(Self.archive(["status"], archive).output.contains("missing: Bo Jensen"))
        // unapproved minutes may still be replaced; approvals start again
        let replaced = Self.archive(["add", corrected, "--at", "2026-05-06T10:00:00Z"], archive)
        #expect(replaced.output.contains("replaced r1"), "\(replaced.output) \(replaced.errors)")
        #expect(Self.archive(["status"], archive).output.contains("missing: Anna Hansen, Bo Jensen"))
        for name in ["Anna Hansen", "Bo Jensen"] {
            #expect(Self.archive(["approve", Self.meetingID, "--by", name, "--at", "2026-05-07T09:00:00Z"], archive).code == 0)
        }
        var store = try ArchiveStore.open(at: archive)
        let approved = try store.meeting(try #require(MeetingID(path: Self.meetingID)))
        #expect(approved.stage == .approved)
        let approvedSource = try #require(approved.files.first { $0.kind == .source })
        #expect(approved.approvals.map(\.sha256) == [approvedSource.sha256, approvedSource.sha256])
        #expect(approvedSource.sha256 == SHA256.hexDigest(Golden.bytes(URL(fileURLWithPath: corrected))))

        // approved: a changed text is refused, and a revision needs a reason
        let refused = Self.archive(["add", minutes], archive)
        #expect(refused.code == 1)
        #expect(refused.errors.contains("archive revise"), "\(refused.errors)")
        #expect(Self.archive(["revise", minutes], archive).code == 2)
        let approveAgain = Self.archive(["approve", Self.meetingID, "--by", "Anna Hansen"], archive)
        #expect(approveAgain.code == 1)
        let before = Self.tree(archive)
        let revised = Self.archive(["revise", minutes, "--reason", "Tilføjelsen blev trukket tilbage", "--at", "2026-05-20T09:00:00Z"], archive)
        #expect(revised.output.contains("added revision r2"), "\(revised.output) \(revised.errors)")
        // every file of r1 is still there, byte for byte
        for (path, bytes) in before where path.contains("/r1/") {
            #expect(Golden.bytes(archive.appendingPathComponent(path)) == bytes, "\(path) changed")
        }
        store = try ArchiveStore.open(at: archive)
        let meeting = try store.meeting(try #require(MeetingID(path: Self.meetingID)))
        #expect(meeting.revision == 2)
        #expect(meeting.stage == .minutes)
        #expect(meeting.revisions.map(\.reason) == ["Tilføjelsen blev trukket tilbage"])
        #expect(meeting.earlierVersions.map(\.name) == ["r1"])
        #expect(meeting.earlierVersions.first?.stage == .approved)
        #expect(meeting.earlierVersions.first?.approvals.count == 2)
        #expect(meeting.earlierVersions.first?.publicMeeting?.items.count == meeting.publicMeeting.items.count)
        #expect(Self.archive(["verify"], archive).code == 0)
        // the site shows both: r1 on a page of its own, marked as replaced, with its approvals and PDF
        let site = archive.deletingLastPathComponent().appendingPathComponent("site")
        #expect(Self.archive(["site", site.path], archive).code == 0)
        let r1 = String(decoding: Golden.bytes(site.appendingPathComponent("moeder/\(Self.meetingID)/r1/index.html")), as: UTF8.self)
        #expect(r1.contains("Tidligere version (r1), erstattet af r2 den 20. maj 2026 fordi: Tilføjelsen blev trukket tilbage."), "\(r1.prefix(300))")
        #expect(r1.contains("Anna Hansen godkendte 2026-05-07T09:00:00Z"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("moeder/\(Self.meetingID)/r1/meeting.pdf").path))
        let current = String(decoding: Golden.bytes(site.appendingPathComponent("moeder/\(Self.meetingID)/index.html")), as: UTF8.self)
        #expect(current.contains("<a href=\"r1/index.html\">Se revision 1</a>"))
        Golden.check(Self.ledgerSummary(archive), against: Self.fixtures.appendingPathComponent("revision.ledger"))
    }

    @Test func minutesWithoutSignersOrParticipantsAreApprovedByTheCommitteesMembers() throws {
        let folder = temporaryTestFolder("agendac-archive-members")
        try Data("""
            {"committees": [{"name": "Økonomiudvalget", "members": [{"name": "Anna Hansen"}, {"name": "Bo Jensen"}, {"name": "Carl Lund"}]}]}
            """.utf8).write(to: folder.appendingPathComponent("agendac.json"))
        let file = folder.appendingPathComponent("referat.agenda")
        try "møde: Økonomiudvalget\ndokument: referat\ndato: 2026-05-04\nfraværende: Carl Lund\n\npunkt 1: Orientering\nbeslutning:\nTaget til efterretning.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let archive = Self.newArchive()
        let added = Self.archive(["add", file.path], archive)
        #expect(added.output.contains("awaiting approval by Anna Hansen, Bo Jensen"), "\(added.output) \(added.errors)")
    }

    @Test func twoMeetingsOfACommitteeOnOneDayAreKeptApart() throws {
        let folder = temporaryTestFolder("agendac-archive-twice")
        let archive = Self.newArchive()
        for time in ["09:00", "15:00"] {
            let file = folder.appendingPathComponent("moede-\(time.prefix(2)).agenda")
            try "møde: Økonomiudvalget\ndokument: dagsorden\ndato: 2026-05-04\ntid: \(time)\n\npunkt 1: Orientering\n"
                .write(to: file, atomically: true, encoding: .utf8)
            #expect(Self.archive(["add", file.path], archive).code == 0)
        }
        let store = try ArchiveStore.open(at: archive)
        #expect(store.entries.map(\.id.path) == ["oekonomiudvalget/2026-05-04", "oekonomiudvalget/2026-05-04-1500"])
        #expect(Self.archive(["verify"], archive).code == 0)
    }

    @Test func oneWriterAtATime() throws {
        let archive = Self.newArchive()
        var store = try ArchiveStore.openOrCreate(at: archive)
        let held = try ArchiveLock(root: archive)
        #expect(throws: ArchiveError.self) {
            _ = try store.add(try Self.document(Self.meetings.appendingPathComponent("dagsorden.agenda")), at: "2026-04-27T08:00:00Z")
        }
        withExtendedLifetime(held) {}
        #expect(store.entries.isEmpty)
    }

    // MARK: - verify

    /// An archive of the fixture minutes, approved, for tampering with.
    static func approvedArchive() throws -> URL {
        let archive = newArchive()
        _ = Self.archive(["add", meetings.appendingPathComponent("dagsorden.agenda").path, "--at", "2026-04-27T08:00:00Z"], archive)
        _ = Self.archive(["add", meetings.appendingPathComponent("referat.agenda").path, "--at", "2026-05-05T08:00:00Z"], archive)
        for name in ["Anna Hansen", "Bo Jensen"] {
            _ = Self.archive(["approve", meetingID, "--by", name, "--at", "2026-05-06T09:00:00Z"], archive)
        }
        #expect(Self.archive(["verify"], archive).code == 0)
        return archive
    }

    static func expectVerifyFinds(_ archive: URL, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = Self.archive(["verify"], archive)
        #expect(result.code == 1, sourceLocation: sourceLocation)
        #expect(result.output.contains(expected), "verify said:\n\(result.output)", sourceLocation: sourceLocation)
    }

    @Test func verifyCatchesAChangedApprovedFile() throws {
        let archive = try Self.approvedArchive()
        let file = archive.appendingPathComponent("meetings/\(Self.meetingID)/r1/source.agenda")
        try (Golden.read(file).replacingOccurrences(of: "4,1 mio.", with: "1,4 mio.")).write(to: file, atomically: true, encoding: .utf8)
        Self.expectVerifyFinds(archive, "changed: meetings/\(Self.meetingID)/r1/source.agenda")
        // and nothing more can be approved on a text changed outside the tool
    }

    @Test func verifyCatchesARemovedAndAnAddedFile() throws {
        let archive = try Self.approvedArchive()
        try FileManager.default.removeItem(at: archive.appendingPathComponent("meetings/\(Self.meetingID)/r1/public/meeting.pdf"))
        try Data("x".utf8).write(to: archive.appendingPathComponent("meetings/\(Self.meetingID)/r1/public/extra.html"))
        Self.expectVerifyFinds(archive, "removed: meetings/\(Self.meetingID)/r1/public/meeting.pdf")
        Self.expectVerifyFinds(archive, "added: meetings/\(Self.meetingID)/r1/public/extra.html")
    }

    static func editLedger(_ archive: URL, _ edit: (inout [String]) -> Void) throws {
        let url = archive.appendingPathComponent(ArchiveLayout.ledgerName)
        var lines = Golden.read(url).split(separator: "\n").map(String.init)
        edit(&lines)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func verifyCatchesAChangedLedgerLine() throws {
        let archive = try Self.approvedArchive()
        try Self.editLedger(archive) { $0[2] = $0[2].replacingOccurrences(of: "Anna Hansen", with: "Anne Hansen") }
        Self.expectVerifyFinds(archive, "changed record: ledger.jsonl:3: record 3 was changed")
    }

    @Test func verifyCatchesARecomputedHashThatBreaksTheChain() throws {
        let archive = try Self.approvedArchive()
        try Self.editLedger(archive) { lines in
            let bytes = Array(lines[2].replacingOccurrences(of: "2026-05-06T09:00:00Z", with: "2026-05-01T09:00:00Z").utf8)
            let cut = bytes.count - (",\"hash\":\"".utf8.count + 64 + 2)
            let body = Array(bytes[..<cut])
            lines[2] = String(decoding: body, as: UTF8.self) + ",\"hash\":\"\(SHA256.hexDigest(body))\"}"
        }
        Self.expectVerifyFinds(archive, "record 4 does not follow record 3")
    }

    @Test func verifyCatchesTwoSwappedLedgerLines() throws {
        let archive = try Self.approvedArchive()
        try Self.editLedger(archive) { $0.swapAt(2, 3) }
        Self.expectVerifyFinds(archive, "reordered: ledger.jsonl:4: record 3 stands after record 4")
    }

    @Test func verifyCatchesARemovedLedgerLine() throws {
        let archive = try Self.approvedArchive()
        try Self.editLedger(archive) { $0.remove(at: 1) }
        Self.expectVerifyFinds(archive, "missing record: ledger.jsonl: record 2 is missing")
    }

    @Test func verifyReportsAForgedSequenceAsOneGap() throws {
        let archive = try Self.approvedArchive()
        try Self.editLedger(archive) { $0[3] = $0[3].replacingOccurrences(of: "{\"sequence\":4,", with: "{\"sequence\":4000000000000,") }
        let result = Self.archive(["verify"], archive)
        #expect(result.code == 1)
        #expect(result.output.contains("records 4 to 3999999999999 are missing"), "\(result.output)")
    }

    // MARK: - atomic writes

    @Test(arguments: ArchiveStore.WriteStep.allCases)
    func aFailureHalfWayLeavesTheArchiveAsItWas(_ step: ArchiveStore.WriteStep) throws {
        let archive = Self.newArchive()
        var store = try ArchiveStore.openOrCreate(at: archive)
        _ = try store.add(try Self.document(Self.meetings.appendingPathComponent("dagsorden.agenda")), at: "2026-04-27T08:00:00Z")
        let minutes = try Self.document(Self.meetings.appendingPathComponent("referat.agenda"))
        for attempt in ["supersede", "approve"] {
            let before = Self.tree(archive)
            var failing = store
            failing.faultInjection = { reached throws(ArchiveError) in
                if reached == step { throw ArchiveError("injected failure after \(reached)") }
            }
            #expect(throws: ArchiveError.self) {
                if attempt == "supersede" {
                    _ = try failing.add(minutes, at: "2026-05-05T08:00:00Z")
                } else {
                    _ = try failing.approve(try #require(MeetingID(path: Self.meetingID)), by: "Anna Hansen", at: "2026-05-06T09:00:00Z")
                }
            }
            var after = Self.tree(archive)
            after = after.filter { !$0.key.hasPrefix(ArchiveLayout.stagingFolder) }
            #expect(after == before.filter { !$0.key.hasPrefix(ArchiveLayout.stagingFolder) }, "\(attempt) failing after \(step) changed \(Set(after.keys).symmetricDifference(before.keys))")
            #expect(ArchiverTestsSupport.stagingIsEmpty(archive))
            // the same write without the failure succeeds
            if attempt == "supersede" { _ = try store.add(minutes, at: "2026-05-05T08:00:00Z") }
        }
        #expect(ArchiveVerifier.verify(at: archive).isIntact)
    }

    // MARK: - closed content

    @Test func closedContentIsNeverInAPublicFile() throws {
        let archive = Self.newArchive()
        #expect(Self.archive(["add", Self.meetings.appendingPathComponent("referat.agenda").path], archive).code == 0)
        let store = try ArchiveStore.open(at: archive)
        let meeting = try store.meeting(try #require(MeetingID(path: Self.meetingID)))
        #expect(meeting.publicFiles.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.attachment, .publicHTML, .publicJSON, .publicPDF])
        #expect(meeting.publicFiles.filter { $0.kind == .attachment }.map(\.path) == ["meetings/\(Self.meetingID)/r1/public/bilag/1-plan.pdf"])
        for file in meeting.publicFiles {
            let text = String(decoding: Golden.bytes(archive.appendingPathComponent(file.path)), as: UTF8.self)
            #expect(!text.contains("Hemmelig"), "\(file.path) shows closed content")
            if file.kind == .publicPDF, let pages = PDFCompileTests.pdftotext(archive.appendingPathComponent(file.path)) {
                #expect(!pages.joined().contains("Hemmelig"), "\(file.path) shows closed content")
                #expect(pages.joined().contains("Udvalget godkendte købet"))
            }
        }
        // both PDFs are archival: PDF/A-2a identification in their XMP
        for pdf in meeting.files where pdf.kind == .pdf || pdf.kind == .publicPDF {
            let bytes = String(decoding: Golden.bytes(archive.appendingPathComponent(pdf.path)), as: UTF8.self)
            #expect(bytes.contains("<pdfaid:part>2</pdfaid:part>") && bytes.contains("<pdfaid:conformance>A</pdfaid:conformance>"), "\(pdf.path) is not PDF/A-2a")
        }
        // nothing below public/ but the public files
        let publicOnDisk = Self.tree(archive).keys.filter { $0.contains("/public/") && !$0.hasSuffix("/") }
        #expect(Set(publicOnDisk) == Set(meeting.publicFiles.map(\.path)))
        // the internal record keeps everything
        let internalHTML = try #require(meeting.files.first { $0.kind == .html })
        #expect(Golden.read(archive.appendingPathComponent(internalHTML.path)).contains("HemmeligBeslutningX"))
        // and the public model handed to every reader has none of it
        let json = AgendaRenderer.render(meeting.publicMeeting, as: .json)
        #expect(!json.contains("Hemmelig"))
        #expect(json.contains("meetings/\(Self.meetingID)/r1/public/bilag/1-plan.pdf"))
    }

    @Test func theLeakTestsDocumentLeavesNoMarkerInThePublicFiles() throws {
        let folder = temporaryTestFolder("agendac-archive-leak")
        let file = folder.appendingPathComponent("lukket.agenda")
        try ClosedItemLeakTests.planted.text.write(to: file, atomically: true, encoding: .utf8)
        var store = try ArchiveStore.openOrCreate(at: Self.newArchive())
        let analyzed = AnalyzedDocument(text: ClosedItemLeakTests.planted.text)
        let change = try store.add(ArchiveDocument(source: Array(ClosedItemLeakTests.planted.text.utf8), file: file, meeting: analyzed.meeting), at: "2026-05-05T08:00:00Z")
        let meeting = try store.meeting(change.meeting)
        for published in meeting.publicFiles where published.kind != .publicPDF {
            let shown = ClosedItemLeakTests.markersShown(in: String(decoding: Golden.bytes(store.root.appendingPathComponent(published.path)), as: UTF8.self))
            #expect(ClosedItemLeakTests.planted.planter.markers.filter { shown.contains($0) }.isEmpty, "\(published.path) shows closed markers")
        }
        let shown = ClosedItemLeakTests.markersShown(in: AgendaRenderer.render(meeting.publicMeeting, as: .json))
        #expect(ClosedItemLeakTests.planted.planter.markers.filter { shown.contains($0) }.isEmpty)
    }

    // MARK: - malformed archives

    @Test func malformedArchiveFilesGiveErrorsNamingTheFile() throws {
        let archive = try Self.approvedArchive()
        let id = try #require(MeetingID(path: Self.meetingID))
        let cases: [(path: String, bytes: String?, named: String)] = [
            (ArchiveLayout.manifestName, "{bad", ArchiveLayout.manifestName),
            (ArchiveLayout.catalogName, "{\"id\": 3}\n", "catalog.jsonl:1"),
            (ArchiveLayout.statePath(id), "[]", ArchiveLayout.statePath(id)),
            (ArchiveLayout.statePath(id), nil, ArchiveLayout.statePath(id)),
            ("meetings/\(Self.meetingID)/r1/source.agenda", nil, "meetings/\(Self.meetingID)/r1/source.agenda"),
            ("meetings/\(Self.meetingID)/r1/style.json", "{\"html\": 7}", "meetings/\(Self.meetingID)/r1/style.json"),
        ]
        for (path, bytes, named) in cases {
            let url = archive.appendingPathComponent(path)
            let original = Golden.bytes(url)
            if let bytes { try Data(bytes.utf8).write(to: url) } else { try FileManager.default.removeItem(at: url) }
            do {
                _ = try ArchiveStore.open(at: archive).snapshot()
                Issue.record("a broken \(path) was read without complaint")
            } catch {
                #expect(error.description.contains(named), "\(error.description) does not name \(named)")
            }
            let listed = Self.archive(["status", Self.meetingID], archive)
            #expect(listed.code != 0 && listed.errors.contains(named), "status on a broken \(path): \(listed.errors)")
            #expect(Self.archive(["verify"], archive).code == 1)
            try Data(original).write(to: url)
        }
        #expect(Self.archive(["verify"], archive).code == 0)
    }

    @Test func aFolderThatIsNotAnArchiveIsRefused() throws {
        let folder = temporaryTestFolder("agendac-not-archive")
        try Data("x".utf8).write(to: folder.appendingPathComponent("noter.txt"))
        let result = Self.archive(["add", Self.meetings.appendingPathComponent("referat.agenda").path], folder)
        #expect(result.code == 2)
        #expect(result.errors.contains("is not an archive and not empty"), "\(result.errors)")
        let list = Self.archive(["list"], folder)
        #expect(list.errors.contains("it has no agendac-archive.json"), "\(list.errors)")
    }

    @Test func theArchiveSettingIsReadFromAgendacJSON() throws {
        let folder = temporaryTestFolder("agendac-archive-setting")
        try Data("{\"archive\": \"arkiv\"}".utf8).write(to: folder.appendingPathComponent("agendac.json"))
        for name in ["referat.agenda"] {
            try FileManager.default.copyItem(at: Self.meetings.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: Self.meetings.appendingPathComponent("bilag"), to: folder.appendingPathComponent("bilag"))
        let added = Self.run(["archive", "add", "referat.agenda"], in: folder)
        #expect(added.code == 0, "\(added.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("arkiv/agendac-archive.json").path))
        #expect(Self.run(["archive", "list"], in: folder).output.contains(Self.meetingID))
        let nowhere = Self.run(["archive", "list"], in: temporaryTestFolder("agendac-archive-none"))
        #expect(nowhere.code == 2)
        #expect(nowhere.errors.contains("--archive DIR"))
    }
}

enum ArchiverTestsSupport {
    static func stagingIsEmpty(_ archive: URL) -> Bool {
        let staging = archive.appendingPathComponent(ArchiveLayout.stagingFolder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []).isEmpty
    }
}
