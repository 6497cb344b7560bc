@testable import AgendaArchive
import AgendaBase
import AgendaSemantics
import Foundation
import Testing

/// `archive export --to oparl`: the samples as OParl 1.1 static files.
/// The golden files (`Tests/Fixtures/archive/oparl/`) are the whole export
/// but the copied files; `Tests/archive/oparl.sh` validates every object
/// written to `.build/archive-oparl/` against the official schemas.
@Suite(.serialized) struct OParlExportTests {
    static let base = OParlBaseURL("https://data.example.dk/oparl/")
    static let fixtures = Golden.fixtures.appendingPathComponent("archive/oparl")

    static func export(_ archive: ArchiveExportFixtures.Archive, pageSize: Int = 5) throws -> [String: [UInt8]] {
        let base = try #require(Self.base)
        var sink = MemoryExportSink()
        _ = try OParlExport.write(archive.snapshot, options: .init(baseURL: base, pageSize: pageSize), files: archive.files, to: &sink)
        return sink.files
    }

    static func json(_ bytes: [UInt8]) throws -> JSON { try JSON.parse(bytes) }

    @Test func samplesMatchTheGoldenFiles() throws {
        let archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let files = try Self.export(archive)
        let objects = files.filter { !$0.key.hasPrefix("content/") }
        if Golden.updating { try? FileManager.default.removeItem(at: Self.fixtures) }
        for (path, bytes) in objects.sorted(by: { $0.key < $1.key }) {
            let url = Self.fixtures.appendingPathComponent(path)
            if Golden.updating { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
            Golden.check(String(decoding: bytes, as: UTF8.self), against: url)
        }
        let expected = Self.fixtureFiles()
        #expect(expected == Set(objects.keys), "the export writes other files than the fixtures hold: \(expected.symmetricDifference(objects.keys).sorted().prefix(5))")
        // the public files are copied byte for byte
        for meeting in archive.snapshot.meetings {
            for file in meeting.publicFiles {
                #expect(files["content/" + file.path] == Golden.bytes(archive.root.appendingPathComponent(file.path)))
            }
        }
        // for Tests/archive/oparl.sh
        let out = Golden.packageRoot.appendingPathComponent(".build/archive-oparl")
        try? FileManager.default.removeItem(at: out)
        for (path, bytes) in files {
            let url = out.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    static func fixtureFiles() -> Set<String> {
        guard let walker = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil) else { return [] }
        var paths = Set<String>()
        let prefix = fixtures.standardizedFileURL.path + "/"
        for case let url as URL in walker where url.pathExtension == "json" {
            paths.insert(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths
    }

    @Test func sameArchiveSameBytes() throws {
        let archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        #expect(try Self.export(archive) == Self.export(archive))
        let shuffled = ArchiveExportFixtures.Archive(snapshot: ArchiveSnapshot(meetings: archive.snapshot.meetings.reversed()), root: archive.root)
        #expect(try Self.export(shuffled) == Self.export(archive))
    }

    /// Every URL under the base that the export writes is a file it wrote, and
    /// every object file's `id` is its own URL: a web server serving the
    /// folder answers every reference.
    @Test func everyReferenceIsServed() throws {
        let archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let files = try Self.export(archive)
        let base = try #require(Self.base).text + "/"
        var urls: [String] = []
        func collect(_ value: JSON) {
            switch value {
            case .string(let text) where text.hasPrefix(base): urls.append(text)
            case .array(let values): values.forEach(collect)
            case .object(let members): members.forEach { collect($0.1) }
            default: break
            }
        }
        for (path, bytes) in files where !path.hasPrefix("content/") {
            let object = try Self.json(bytes)
            collect(object)
            if object["data"] == nil { #expect(object["id"]?.stringValue == base + path) }
        }
        #expect(urls.count > 1000)
        let missing = Set(urls.map { String($0.dropFirst(base.count)).removingPercentEncoding ?? "" }).filter { files[$0] == nil }
        #expect(missing.isEmpty, "not written: \(missing.sorted().prefix(5))")
    }

    /// Following `next` from the first page gives every element once, in order.
    @Test func listsArePaginated() throws {
        let archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let files = try Self.export(archive, pageSize: 3)
        let base = try #require(Self.base).text + "/"
        var page: String? = "horsens-kommune/agenda-items.json"
        var ids: [String] = [], pages = 0
        while let path = page {
            let list = try Self.json(try #require(files[path]))
            ids += list["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            pages += 1
            #expect(list["pagination"]?["currentPage"]?.intValue == pages)
            #expect(list["links"]?["self"]?.stringValue == base + path)
            page = list["links"]?["next"]?.stringValue.map { String($0.dropFirst(base.count)) }
        }
        let horsensItems = archive.snapshot.meetings.filter { $0.id.committeeSlug == "beskaeftigelses-og-integrationsudvalget" }
            .reduce(0) { $0 + $1.publicMeeting.items.count }
        #expect(ids.count == horsensItems && Set(ids).count == ids.count && pages == (horsensItems + 2) / 3)
        let last = try Self.json(try #require(files["horsens-kommune/agenda-items-\(pages).json"]))
        #expect(last["links"]?["next"] == nil && last["pagination"]?["totalElements"]?.intValue == horsensItems)
    }

    /// Every file the archive published is listed, earlier versions' too: the
    /// superseded agenda's PDF is the meeting's invitation, the current
    /// minutes' PDF its results protocol, and an earlier revision's PDF and
    /// attachment are auxiliary files of the meeting named by their revision,
    /// copied byte for byte with their checksums, hanging on no agenda item.
    @Test func earlierVersionsFilesAreListed() throws {
        var archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let index = try #require(archive.snapshot.meetings.firstIndex { $0.id.path.hasSuffix("2026-05-04") && !$0.publicMeeting.items.isEmpty })
        var meeting = archive.snapshot.meetings[index]
        let id = meeting.id.path
        let agendaPDF = try ArchiveExportFixtures.keep(Array("the agenda's PDF\n".utf8), kind: .publicPDF, at: id + "/agenda/offentlig.pdf", root: archive.root)
        let firstPDF = try ArchiveExportFixtures.keep(Array("r1's PDF\n".utf8), kind: .publicPDF, at: id + "/r1-old/offentlig.pdf", root: archive.root)
        let firstAttachment = try ArchiveExportFixtures.keep(Array("r1's plan\n".utf8), kind: .attachment, at: id + "/r1-old/bilag/plan.pdf", root: archive.root)
        let internalSource = try ArchiveExportFixtures.keep(Array("SECRET-SOURCE-MARKER\n".utf8), kind: .source, at: id + "/r1-old/source.agenda", root: archive.root)
        // r1's model: its first item carries June's item with an attachment, renamed and moved to r1's file
        var firstModel = meeting.publicMeeting
        var item = try #require(archive.snapshot.meetings.first { $0.id.path.hasSuffix("2026-06-01") }?.publicMeeting.items.first)
        for sectionIndex in item.sections.indices {
            guard case .attachments(var attachments) = item.sections[sectionIndex].content else { continue }
            for index in attachments.indices where attachments[index].file != nil {
                attachments[index].title = "Plan fra første udgave"
                attachments[index].file?.value = firstAttachment.path
            }
            item.sections[sectionIndex].content = .attachments(attachments)
        }
        firstModel.items[0] = item
        meeting.earlierVersions = [
            KeptVersion(name: "agenda", stage: .agenda, revision: nil, sha256: String(repeating: "c", count: 64), addedAt: "2026-04-27T08:00:00Z",
                        files: [agendaPDF]),
            KeptVersion(name: "r1", stage: .approved, revision: 1, sha256: String(repeating: "d", count: 64), addedAt: "2026-05-05T08:00:00Z",
                        files: [firstPDF, firstAttachment, internalSource], publicMeeting: firstModel),
        ]
        archive.snapshot.meetings[index] = meeting
        let files = try Self.export(archive, pageSize: 100)
        let meetingPath = try #require(files.keys.first { $0.hasSuffix("/meeting/" + id + ".json") })
        let object = try Self.json(try #require(files[meetingPath]))
        #expect(object["invitation"]?["name"]?.stringValue == "Dagsorden (PDF)")
        #expect(object["invitation"]?["accessUrl"]?.stringValue?.hasSuffix(agendaPDF.path) == true)
        #expect(object["resultsProtocol"]?["accessUrl"]?.stringValue?.hasSuffix(meeting.publicFiles.first { $0.kind == .publicPDF }?.path ?? "-") == true)
        let auxiliary = object["auxiliaryFile"]?.arrayValue ?? []
        let names = auxiliary.compactMap { $0["name"]?.stringValue }
        #expect(names.contains("Referat r1 (PDF)") && names.contains("Plan fra første udgave (r1)"), "\(names)")
        for file in [agendaPDF, firstPDF, firstAttachment] {
            #expect(files["content/" + file.path] == Golden.bytes(archive.root.appendingPathComponent(file.path)))
        }
        let first = try #require(auxiliary.first { $0["name"]?.stringValue == "Plan fra første udgave (r1)" })
        #expect(first["sha512Checksum"]?.stringValue == SHA512.hexDigest(Array("r1's plan\n".utf8)))
        #expect(first["agendaItem"] == nil)
        let fileList = files.filter { $0.key.hasSuffix("/files.json") }.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(fileList.contains("Referat r1 (PDF)") && fileList.contains("Dagsorden (PDF)"))
        let all = files.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        #expect(!all.contains("SECRET-SOURCE-MARKER") && !files.keys.contains { $0.hasSuffix("source.agenda") }, "an internal file of an earlier version was published")
    }

    /// A case treated at two meetings is one Paper with two Consultations, in date order.
    @Test func aCaseIsOnePaperWithItsTreatments() throws {
        let archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let files = try Self.export(archive)
        let paper = try Self.json(try #require(files["horsens-kommune/paper/15-00-00-p05-3-25.json"]))
        let meetings = paper["consultation"]?.arrayValue?.compactMap { $0["meeting"]?.stringValue } ?? []
        #expect(meetings.map { $0.hasSuffix("2026-05-04.json") } == [true, false])
        #expect(paper["reference"]?.stringValue == "15.00.00-P05-3-25")
    }

    /// An item without a case number that a `sagens gang:` line links to a
    /// case's item is a Consultation of that case's Paper, as `archive case` lists it.
    @Test func aSagensGangLineLinksAnItemToItsCase() throws {
        let first = """
            møde: Økonomiudvalget
            kommune: Testrup Kommune
            dokument: referat
            dato: 2026-02-02

            punkt 4: Ny skole i Testrup
            sagsnr: 17.00.00-A00-1-26

            beslutning: Økonomiudvalget, 2026-02-02
            Godkendt.
            """
        let second = """
            møde: Byrådet
            kommune: Testrup Kommune
            dokument: referat
            dato: 2026-02-20

            punkt 2: Ny skole i Testrup, endelig godkendelse

            sagens gang:
            - Økonomiudvalget, 2026-02-02, punkt 4: Godkendt

            beslutning: Byrådet, 2026-02-20
            Godkendt.
            """
        let archive = try ArchiveExportFixtures.archive(of: [ArchiveExportFixtures.meeting(text: first), ArchiveExportFixtures.meeting(text: second)],
                                                        name: "history")
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let files = try Self.export(archive)
        let paper = try Self.json(try #require(files["testrup-kommune/paper/17-00-00-a00-1-26.json"]))
        let consultations = paper["consultation"]?.arrayValue ?? []
        #expect(consultations.compactMap { $0["agendaItem"]?.stringValue?.split(separator: "/").suffix(3).joined(separator: "/") }
            == ["oekonomiudvalget/2026-02-02/item-1.json", "byraadet/2026-02-20/item-1.json"])
        #expect(consultations.last?["agendac:link"]?.stringValue == "sagens gang")
        let item = try Self.json(try #require(files["testrup-kommune/meeting/byraadet/2026-02-20/item-1.json"]))
        #expect(item["consultation"]?.stringValue?.hasSuffix("byraadet/2026-02-20/consultation-1.json") == true)
        #expect(files["testrup-kommune/meeting/byraadet/2026-02-20/consultation-1.json"] != nil)
    }

    /// A closed item shows as `public: false` with its public title and public
    /// decision; nothing else of it (markers planted through every keyword) is
    /// in any file the export writes.
    @Test func closedContentNeverAppears() throws {
        let meeting = try ArchiveExportFixtures.meeting(text: ClosedItemLeakTests.planted.text)
        let archive = try ArchiveExportFixtures.archive(of: [meeting], name: "closed")
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let files = try Self.export(archive, pageSize: 100)
        let all = files.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        let shown = ClosedItemLeakTests.markersShown(in: all)
        #expect(shown.isEmpty, "the OParl export shows closed markers: \(shown.sorted().prefix(5))")
        let items = try files.filter { $0.key.contains("/item-") }.values.map(Self.json)
        let closed = items.filter { $0["public"]?.boolValue == false }
        #expect(closed.count > 3)
        #expect(closed.contains { $0["name"]?.stringValue == ClosedItemLeakTests.publicTitle })
        #expect(closed.contains { ($0["resolutionText"]?.stringValue ?? "").contains(ClosedItemLeakTests.publicDecision[0]) })
        #expect(!files.keys.contains { $0.contains("/paper/") }, "a closed item's case number made a Paper")
    }

    /// A kept file changed outside the tool stops the export; nothing is published.
    @Test func aChangedFileStopsTheExport() throws {
        let archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let file = try #require(archive.snapshot.meetings.first?.publicFiles.first)
        try Data("changed".utf8).write(to: archive.root.appendingPathComponent(file.path))
        let error = #expect(throws: ArchiveExportError.self) { try Self.export(archive) }
        #expect(error?.isArchiveProblem == true && error?.description.contains("archive verify") == true)
        var outside = file
        outside.path = "../" + file.path
        #expect(throws: ArchiveExportError.self) { try archive.files.bytes(of: outside) }
    }

    @Test func baseURLsAreChecked() {
        #expect(OParlBaseURL("https://data.example.dk/oparl/")?.text == "https://data.example.dk/oparl")
        #expect(OParlBaseURL("http://localhost:8080")?.text == "http://localhost:8080")
        for bad in ["", "data.example.dk", "ftp://example.dk", "https://", "https://example.dk/?page=1", "https://example.dk/#x", "https://exa mple.dk"] {
            #expect(OParlBaseURL(bad) == nil, "\(bad) was taken")
        }
    }

    /// Times carry Denmark's offset: winter +01:00, summer +02:00, switching on the last Sundays of March and October.
    @Test func danishTimes() throws {
        func date(_ y: Int, _ m: Int, _ d: Int) throws -> CalendarDate { try #require(CalendarDate(year: y, month: m, day: d)) }
        #expect(OParlTime.danish(try date(2026, 1, 13), hour: 13, minute: 30) == "2026-01-13T13:30:00+01:00")
        #expect(OParlTime.danish(try date(2026, 5, 4), hour: 15) == "2026-05-04T15:00:00+02:00")
        #expect(OParlTime.danish(try date(2026, 3, 29), hour: 1) == "2026-03-29T01:00:00+01:00")
        #expect(OParlTime.danish(try date(2026, 3, 29), hour: 3) == "2026-03-29T03:00:00+02:00")
        #expect(OParlTime.danish(try date(2025, 10, 26), hour: 3) == "2025-10-26T03:00:00+01:00")
        #expect(OParlTime.danish(try date(2025, 10, 25), hour: 23) == "2025-10-25T23:00:00+02:00")
        #expect(OParlTime.seconds(try date(1970, 1, 1), hour: 1) == 0)
        #expect(OParlTime.seconds(ofInstant: "2026-05-11T09:30:00Z") == OParlTime.seconds(try date(2026, 5, 11), hour: 11, minute: 30))
        #expect(OParlTime.seconds(ofInstant: "2026-05-11T11:30:00.250+02:00") == OParlTime.seconds(ofInstant: "2026-05-11T09:30:00Z"))
        #expect(OParlTime.seconds(ofInstant: "2026-05-11 09:30") == nil)
    }
}
