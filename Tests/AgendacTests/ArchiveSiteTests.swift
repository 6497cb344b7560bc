@testable import AgendaArchive
import AgendaBase
import AgendaRender
import AgendaSearch
import AgendaSemantics
import Foundation
import Testing

/// The archive's public website (`AgendaArchive/Site`): golden pages of the
/// samples, incremental builds that touch only what changed, no closed content
/// in any file, and the search index's parity with `AgendaSearch`. The site is
/// also written to `.build/archive-site/` for the browser test (`Tests/archive/site/`).
@Suite(.serialized) struct ArchiveSiteTests {
    static let folder = Golden.fixtures.appendingPathComponent("archive/site")
    static let browserSite = Golden.packageRoot.appendingPathComponent(".build/archive-site")

    static func record(_ url: URL) throws -> ArchivedMeeting {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try ArchivedMeeting.record(of: AnalyzedDocument(text: text).meeting).get()
    }

    static let pdfBytes = Array("%PDF-1.7\n% a stand-in for the public PDF\n".utf8)
    static func file(_ kind: ArchivedFile.Kind, _ path: String, _ bytes: [UInt8]) -> ArchivedFile {
        ArchivedFile(kind: kind, path: path, sha256: SHA256.hexDigest(bytes), byteCount: bytes.count)
    }

    /// The samples and one more meeting, as the store would give them: the
    /// Horsens minutes of 4 May approved and revised, the June agenda with its
    /// public attachment and PDF.
    static func sampleMeetings() throws -> [ArchivedMeeting] {
        let inputs = Golden.sampleFiles() + Golden.inputs("archive/site-input")
        var meetings = try inputs.map(record)
        for index in meetings.indices {
            let id = meetings[index].id.path
            if id.hasSuffix("2026-05-04") {
                // r1 approved, then revised: r2 approved again; r1 is kept with its own files and approvals
                let first = String(repeating: "a", count: 64), second = String(repeating: "b", count: 64)
                var approvedFirst = meetings[index].publicMeeting
                if approvedFirst.items.count > 2 { approvedFirst.items[2].title += " (stavefjel)" }
                meetings[index].earlierVersions = [KeptVersion(
                    name: "r1", stage: .approved, revision: 1, sha256: first, addedAt: "2026-05-05T12:00:00Z",
                    approvals: [Approval(name: "Anne Madsen", at: "2026-05-11T09:30:00Z", sha256: first),
                                Approval(name: "Bo Jensen", at: "2026-05-11T10:02:00Z", sha256: first)],
                    files: [file(.publicPDF, "\(id)/r1/offentlig.pdf", pdfBytes)], publicMeeting: approvedFirst)]
                meetings[index].stage = .approved
                meetings[index].revision = 2
                meetings[index].approvals = [
                    Approval(name: "Anne Madsen", at: "2026-05-21T09:30:00Z", sha256: second),
                    Approval(name: "Bo Jensen", at: "2026-05-21T10:02:00Z", sha256: second),
                ]
                meetings[index].revisions = [Revision(number: 2, reason: "Stavefejl i punkt 3 rettet.", at: "2026-05-20T08:00:00Z", sha256: second)]
                meetings[index].files = [file(.publicPDF, "\(id)/r2/offentlig.pdf", pdfBytes + [10])]
            }
            if id.hasSuffix("2026-06-01") {
                let attachment = Golden.bytes(Golden.samples.appendingPathComponent("bilag/udmoentningsplan-udviklingsspor.pdf"))
                meetings[index].files = [file(.publicPDF, "\(id)/r1/offentlig.pdf", pdfBytes),
                                         file(.attachment, "\(id)/r1/bilag/udmoentningsplan-udviklingsspor.pdf", attachment)]
            }
        }
        return meetings
    }

    static func readFile(_ meetings: [ArchivedMeeting]) -> (ArchivedFile) throws -> [UInt8] {
        let attachment = Golden.bytes(Golden.samples.appendingPathComponent("bilag/udmoentningsplan-udviklingsspor.pdf"))
        return { file in
            switch file.kind {
            case .attachment: return attachment
            default: return file.byteCount == pdfBytes.count ? pdfBytes : pdfBytes + [10]
            }
        }
    }

    static func text(_ file: SiteFile) -> String? {
        if case .text(let make) = file.content { return make() }
        return nil
    }

    /// Every page of the samples' site, the search manifest and documents, beside a
    /// list of all files; the shared scripts and sheets are left out (they are the
    /// Swift sources' text), and the term shards (the browser test checks their answers).
    @Test func sitePagesMatchTheirGoldenFiles() throws {
        let meetings = try Self.sampleMeetings()
        let files = ArchiveSite.plan(ArchiveSnapshot(meetings: meetings))
        var listing = ""
        for file in files {
            switch file.content {
            case .text(let make):
                let text = make()
                listing += "\(file.path)\n"
                // shards are checked by what they answer (search-expected.tsv, in the browser)
                guard !file.path.hasPrefix("assets/"), !file.path.hasPrefix("soeg/t/") else { continue }
                let expected = Self.folder.appendingPathComponent(file.path)
                if Golden.updating { try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true) }
                Golden.check(text, against: expected)
            case .copy(let archived):
                listing += "\(file.path) ← \(archived.path)\n"
            }
        }
        Golden.check(listing, against: Self.folder.appendingPathComponent("files.txt"))
        // the browser test's copy
        try? FileManager.default.removeItem(at: Self.browserSite)
        let report = try ArchiveSite.build(ArchiveSnapshot(meetings: meetings), into: Self.browserSite, readFile: Self.readFile(meetings))
        #expect(report.written.count == files.count)
    }

    @Test func meetingPagesShowFilesApprovalsRevisionsAndCases() throws {
        let files = ArchiveSite.plan(ArchiveSnapshot(meetings: try Self.sampleMeetings()))
        let may = try #require(files.first { $0.path == "moeder/beskaeftigelses-og-integrationsudvalget/2026-05-04/index.html" }.flatMap(Self.text))
        #expect(may.contains("Anne Madsen godkendte 2026-05-21T09:30:00Z"))
        #expect(may.contains("Revision 1, 2026-05-05T12:00:00Z") && may.contains("Revision 2, 2026-05-20T08:00:00Z"))
        #expect(may.contains("Stavefejl i punkt 3 rettet."))
        #expect(may.contains("href=\"offentlig.pdf\""))
        #expect(!may.contains("superseded") && !may.contains("stavefjel"))
        let june = try #require(files.first { $0.path == "moeder/beskaeftigelses-og-integrationsudvalget/2026-06-01/index.html" }.flatMap(Self.text))
        // the minutes' own link to the attachment and the copied file agree
        #expect(june.contains("href=\"bilag/udmoentningsplan-udviklingsspor.pdf\""))
        #expect(files.contains { $0.path == "moeder/beskaeftigelses-og-integrationsudvalget/2026-06-01/bilag/udmoentningsplan-udviklingsspor.pdf" })
        #expect(!june.contains("evalueringsnotat-mentorforloeb"), "an attachment marked not public is linked")
        #expect(!files.compactMap(Self.text).joined().lowercased().contains("xylofon"), "a closed item's text is in the site")
        let history = try #require(files.first { $0.path == "sager/15.00.00-p05-3-25.html" }.flatMap(Self.text))
        #expect(history.contains("Børne- og Skoleudvalget") && history.contains("Beskæftigelses- og Integrationsudvalget"))
    }

    /// An earlier revision of approved minutes is a page of its own: its public
    /// minutes, its own PDF and approvals, marked as replaced (by which revision,
    /// when, why), and the two pages link to each other.
    @Test func anEarlierRevisionHasItsOwnPageLinkedBothWays() throws {
        let files = ArchiveSite.plan(ArchiveSnapshot(meetings: try Self.sampleMeetings()))
        let folder = "moeder/beskaeftigelses-og-integrationsudvalget/2026-05-04"
        let current = try #require(files.first { $0.path == folder + "/index.html" }.flatMap(Self.text))
        let earlier = try #require(files.first { $0.path == folder + "/r1/index.html" }.flatMap(Self.text))
        #expect(earlier.contains("Tidligere version (r1), erstattet af r2 den 20. maj 2026 fordi: Stavefejl i punkt 3 rettet."))
        #expect(earlier.contains("stavefjel"), "the page shows r1's own text")
        #expect(earlier.contains("Anne Madsen godkendte 2026-05-11T09:30:00Z") && !earlier.contains("2026-05-21T09:30:00Z"))
        #expect(earlier.contains("<a href=\"../index.html\">Se den gældende version (r2)</a>"))
        #expect(earlier.contains("(denne side)"))
        #expect(current.contains("<a href=\"r1/index.html\">Se revision 1</a>"))
        // each version's PDF beside its own page
        #expect(files.contains { $0.path == folder + "/r1/offentlig.pdf" })
        #expect(files.contains { $0.path == folder + "/offentlig.pdf" })
        #expect(!files.contains { $0.path.hasPrefix(folder + "/agenda/") }, "a superseded agenda got a page")
    }

    /// Adding the latest meeting writes its page, its files, the pages that list
    /// it and the index files holding its words; nothing else is touched.
    @Test func addingAMeetingRewritesOnlyWhatChanged() throws {
        let all = try Self.sampleMeetings()
        let june = try #require(all.first { $0.id.path.hasSuffix("2026-06-01") })
        let before = all.filter { $0.id != june.id }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-site-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ArchiveSite.build(ArchiveSnapshot(meetings: before), into: folder, readFile: Self.readFile(all))
        #expect(first.unchanged == 0 && first.written.count == first.fileCount)
        let untouched = folder.appendingPathComponent("moeder/beskaeftigelsesudvalget/2026-01-13/index.html")
        let stamp = try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)

        let second = try ArchiveSite.build(ArchiveSnapshot(meetings: all), into: folder, readFile: Self.readFile(all))
        let written = Set(second.written)
        let page = "moeder/beskaeftigelses-og-integrationsudvalget/2026-06-01/index.html"
        for expected in [page, "moeder/beskaeftigelses-og-integrationsudvalget/2026.html", "index.html", "sager/15.00.00-p05-3-25.html",
                         "soeg/indeks.js", "soeg/d/1.js", "moeder/beskaeftigelses-og-integrationsudvalget/2026-06-01/bilag/udmoentningsplan-udviklingsspor.pdf"] {
            #expect(written.contains(expected), "\(expected) was not rewritten")
        }
        #expect(written.allSatisfy { !$0.hasPrefix("moeder/") || $0.contains("beskaeftigelses-og-integrationsudvalget/2026") }, "\(written.sorted())")
        #expect(!written.contains { $0.hasPrefix("assets/") || $0 == "soeg.html" || $0 == "soeg/d/0.js" })
        let shards = second.written.filter { $0.hasPrefix("soeg/t/") }.count
        let allShards = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("soeg/t").path).count
        #expect(shards > 0 && shards < allShards, "\(shards) of \(allShards) shards rewritten")
        #expect(second.unchanged + second.written.count == second.fileCount)
        let after = try FileManager.default.attributesOfItem(atPath: untouched.path)[.modificationDate] as? Date
        #expect(stamp != nil && stamp == after, "an unchanged page was rewritten")

        let third = try ArchiveSite.build(ArchiveSnapshot(meetings: all), into: folder, readFile: Self.readFile(all))
        #expect(third.written.isEmpty && third.removed.isEmpty)

        let fourth = try ArchiveSite.build(ArchiveSnapshot(meetings: before), into: folder, readFile: Self.readFile(all))
        #expect(fourth.removed.contains(page))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(page).path))
    }

    /// With public files that vouch for each meeting's public model, a build after
    /// adding one meeting renders that meeting's page and the pages that list
    /// meetings, never the other meetings' pages; a changed approval renders its
    /// meeting again, and so does a different house style.
    @Test func anUnchangedMeetingPageIsNotEvenRendered() throws {
        var all = try Self.sampleMeetings()
        for index in all.indices {
            let json = Array("{\"meeting\":\"\(all[index].id.path)\"}".utf8)
            all[index].files.append(Self.file(.publicJSON, "\(all[index].id.path)/r1/offentlig.json", json))
            for version in all[index].earlierVersions.indices {
                all[index].earlierVersions[version].files.append(Self.file(.publicJSON, "\(all[index].id.path)/r\(version + 1)/offentlig.json", json))
            }
        }
        let june = try #require(all.first { $0.id.path.hasSuffix("2026-06-01") })
        let before = all.filter { $0.id != june.id }
        let folder = temporaryTestFolder("agendac-site-render")
        let read: (ArchivedFile) throws -> [UInt8] = { file in
            file.kind == .publicJSON ? Array("{\"meeting\":\"\(file.path.split(separator: "/").prefix(2).joined(separator: "/"))\"}".utf8)
                : try Self.readFile(all)(file)
        }
        let first = try ArchiveSite.build(ArchiveSnapshot(meetings: before), into: folder, readFile: read)
        let meetingPages = ArchiveSite.plan(ArchiveSnapshot(meetings: before)).filter { $0.fingerprint != nil }.count
        #expect(meetingPages == before.count + 1, "every meeting page and the earlier revision's carry a fingerprint")
        #expect(first.rendered == ArchiveSite.plan(ArchiveSnapshot(meetings: before)).filter { Self.text($0) != nil }.count)

        let plan = ArchiveSite.plan(ArchiveSnapshot(meetings: all))
        let unfingerprinted = plan.filter { Self.text($0) != nil && $0.fingerprint == nil }.count
        let second = try ArchiveSite.build(ArchiveSnapshot(meetings: all), into: folder, readFile: read)
        #expect(second.rendered == unfingerprinted + 1, "\(second.rendered) rendered; only June's page of the meeting pages should be")
        #expect(second.written.contains("moeder/beskaeftigelses-og-integrationsudvalget/2026-06-01/index.html"))

        // a new approval on May's minutes: that meeting's two pages are made again
        var approved = all
        let may = try #require(approved.firstIndex { $0.id.path.hasSuffix("2026-05-04") })
        approved[may].approvals.append(Approval(name: "Carl Lund", at: "2026-05-22T08:00:00Z", sha256: String(repeating: "b", count: 64)))
        let third = try ArchiveSite.build(ArchiveSnapshot(meetings: approved), into: folder, readFile: read)
        #expect(third.rendered == unfingerprinted + 2)
        #expect(third.written.contains("moeder/beskaeftigelses-og-integrationsudvalget/2026-05-04/index.html"))

        // another house style: every page again
        var style = HouseStyle.standard
        style.contentsShown = false
        let fourth = try ArchiveSite.build(ArchiveSnapshot(meetings: approved), into: folder, style: style, readFile: read)
        #expect(fourth.rendered == plan.filter { Self.text($0) != nil }.count)
    }

    @Test func refusesAFolderItDidNotBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-site-foreign-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: ArchiveSite.BuildError.self) {
            try ArchiveSite.build(ArchiveSnapshot(meetings: []), into: folder, readFile: { _ in [] })
        }
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("notes.txt").path) == Data("mine".utf8))
    }

    @Test func aFileThatDoesNotMatchItsChecksumIsNotPublished() throws {
        var meetings = try Self.sampleMeetings()
        guard let index = meetings.firstIndex(where: { !$0.files.isEmpty }) else { Issue.record("no files"); return }
        meetings[index].files[0].sha256 = String(repeating: "0", count: 64)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-site-bad-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ArchiveSite.BuildError.self) {
            try ArchiveSite.build(ArchiveSnapshot(meetings: meetings), into: folder, readFile: Self.readFile(meetings))
        }
    }

    /// Closed content never reaches any file of the site, pages or index.
    @Test func noClosedMarkerInAnySiteFile() throws {
        let meeting = try ArchivedMeeting.record(of: AnalyzedDocument(text: ClosedItemLeakTests.planted.text).meeting).get()
        let files = ArchiveSite.plan(ArchiveSnapshot(meetings: [meeting]))
        let markers = Set(ClosedItemLeakTests.planted.planter.markers.map { $0.lowercased() })
        var leaked: [String] = []
        for file in files {
            guard let text = Self.text(file)?.lowercased() else { continue }
            let shown = ClosedItemLeakTests.markersShown(in: text.replacingOccurrences(of: "hemmelig", with: "Hemmelig")).map { $0.lowercased() }
            leaked += shown.filter(markers.contains).map { "\(file.path): \($0)" }
        }
        #expect(leaked.isEmpty, "\(leaked.count) closed markers in the site, first \(leaked.prefix(5))")
        let everything = files.compactMap(Self.text).joined()
        #expect(everything.contains(ClosedItemLeakTests.publicTitle))
        #expect(everything.contains(SearchText.fold(ClosedItemLeakTests.publicDecision[0]).prefix(10)))
    }

    /// The browser's tokens and ranking are checked against these (`Tests/archive/site/`):
    /// the terms `SearchText` gives for tricky texts, and the hits and BM25 scores
    /// `SearchIndex` gives over the site's own documents.
    @Test func searchExpectationsForTheBrowser() throws {
        let texts = ["Børnehaver og børnehaven", "AALBORG Aabenraa Åbenrå", "Sag 15.00.00-P05-3-25 om a-kasserne.", "O\u{0338}ster Søren Ø",
                     "e\u{0301}n café CAFÉ", "og i at ikke", "Løst, forløst, lykkeligst", "1.000.000 kr. 2026/27", "x--y a..b c/d/", "Æbler ÆBLER æblerne"]
        var tokens = "# text\tterms from SearchText.tokens, space-separated (compounds before their parts)\n"
        for text in texts { tokens += text + "\t" + SearchText.tokens(in: text).map(\.term).joined(separator: " ") + "\n" }
        Golden.check(tokens, against: Self.folder.appendingPathComponent("tokens.tsv"))

        let data = SiteSearchData(ArchiveSnapshot(meetings: try Self.sampleMeetings()))
        var index = SearchIndex(fields: SiteSearchData.fields)
        index.add(contentsOf: data.documents.map { SearchDocument(id: $0.url, texts: $0.texts) })
        var expected = "# query\tdocument\tBM25 score from AgendaSearch.SearchIndex over the site's documents\n"
        for query in ["børnehaver", "15.00.00-P05-3-25", "borgere", "udsatte boligområder", "Personalesag", "aabenraa", "jobcentret"] {
            let hits = index.search(SearchQuery(query, limit: 20))
            #expect(!hits.isEmpty || query == "aabenraa", "no hit for \(query)")
            for hit in hits { expected += "\(query)\t\(hit.id)\t\(SiteSearchData.number(hit.score))\n" }
        }
        Golden.check(expected, against: Self.folder.appendingPathComponent("search-expected.tsv"))
    }
}
