import AgendaArchive
import AgendaBase
import AgendaSemantics
import Foundation
import Testing

/// The search index kept up to date meeting by meeting: an update writes one
/// small segment and touches no other file but the catalog (and a merge of
/// small segments now and then); what it finds is what a fresh index finds.
@Suite struct ArchiveIndexUpdateTests {
    /// The fixture archive's meetings again and again on later days, so an
    /// archive of any number of meetings can be made.
    static func meetings(_ count: Int) -> [ArchivedMeeting] {
        let originals = ArchiveFixture.snapshot.meetings
        return (0..<count).compactMap { number in
            var meeting = originals[number % originals.count]
            guard let date = CalendarDate(year: 2030 + number / 300, month: 1 + number / 28 % 10, day: 1 + number % 28) else { return nil }
            meeting.id = MeetingID(committee: meeting.committee, date: date)
            meeting.date = date
            return meeting
        }
    }

    static func found(_ index: ArchiveSearchIndex, _ text: String) throws -> [String] {
        try index.search(ArchiveSearchQuery(text, limit: 1_000)).map { "\($0.meeting)#\($0.itemNumber)" }.sorted()
    }

    static func segmentFolders(_ folder: URL) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("s") })
    }

    @Test func meetingByMeetingFindsWhatAFreshIndexFinds() throws {
        let meetings = Self.meetings(18)
        let stepwise = ArchiveSearchIndex(folder: temporaryTestFolder("index-stepwise"))
        for meeting in meetings {
            let before = Self.segmentFolders(stepwise.folder)
            let summary = try stepwise.update(adding: [meeting])
            #expect(summary.meetingsIndexed == 1)
            let after = Self.segmentFolders(stepwise.folder)
            if summary.segmentsWritten == 1 {
                #expect(after.subtracting(before).count == 1 && before.isSubset(of: after), "one new segment, the others kept")
            }
        }
        let fresh = ArchiveSearchIndex(folder: temporaryTestFolder("index-fresh"))
        let summary = try fresh.sync(with: ArchiveSnapshot(meetings: meetings))
        #expect(summary.segmentCount == 1)
        #expect(Self.segmentFolders(stepwise.folder).count < 16, "small segments are merged")
        for query in ["børnehaver", "Sundparken", "førtidspension udviklingsspor", "godkendt"] {
            #expect(try Self.found(stepwise, query) == Self.found(fresh, query), "\(query)")
        }
    }

    @Test func anUnchangedArchiveWritesNothing() throws {
        let index = ArchiveSearchIndex(folder: temporaryTestFolder("index-sync"))
        let snapshot = ArchiveSnapshot(meetings: Self.meetings(6))
        #expect(try index.sync(with: snapshot).meetingsIndexed == 6)
        let again = try index.sync(with: snapshot)
        #expect(again.meetingsIndexed == 0 && again.meetingsRetired == 0 && again.segmentsWritten == 0)
    }

    @Test func minutesReplaceTheirAgendaAndRemovedMeetingsGo() throws {
        let index = ArchiveSearchIndex(folder: temporaryTestFolder("index-replace"))
        var meetings = Self.meetings(6)
        try index.sync(with: ArchiveSnapshot(meetings: meetings))
        let council = try #require(meetings.firstIndex { $0.committee == "Byrådet" })
        #expect(try Self.found(index, "Stensballe").count == 1)
        // the same meeting again with another title for item 8
        meetings[council].publicMeeting.items[0].title = "Kapacitet i kommunens vuggestuer"
        let summary = try index.sync(with: ArchiveSnapshot(meetings: meetings))
        #expect(summary.meetingsIndexed == 1 && summary.meetingsRetired == 1)
        #expect(try Self.found(index, "vuggestuer") == ["\(meetings[council].id.path)#8"])
        #expect(try Self.found(index, "Stensballe").count == 1, "the old version is not found twice")
        #expect(try Self.found(index, "Kapacitet").filter { $0.hasPrefix(meetings[council].id.path) } == ["\(meetings[council].id.path)#8"])
        meetings.remove(at: council)
        #expect(try index.sync(with: ArchiveSnapshot(meetings: meetings)).meetingsRetired == 1)
        #expect(try Self.found(index, "Stensballe").isEmpty)
    }

    @Test func damagedIndexFilesAreErrorsNotCrashes() throws {
        let folder = temporaryTestFolder("index-damaged")
        let index = ArchiveSearchIndex(folder: folder)
        try index.sync(with: ArchiveSnapshot(meetings: Self.meetings(3)))
        let segment = try #require(Self.segmentFolders(folder).first)
        let files = ["catalog.json", "\(segment)/manifest.agsi", "\(segment)/terms.bin", "\(segment)/records.bin", "\(segment)/meetings.json"]
        var random = SeededRandom(seed: 10)
        for file in files {
            let url = folder.appendingPathComponent(file)
            let original = Golden.bytes(url)
            for round in 0..<20 {
                var bytes = original
                if round % 2 == 0 { bytes = Array(bytes.prefix(random.below(bytes.count))) } else if !bytes.isEmpty {
                    bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
                }
                try Data(bytes).write(to: url)
                // either an answer or an ArchiveIndexError
                _ = try? index.search(ArchiveSearchQuery("godkendt"))
                try Data(original).write(to: url)
            }
        }
        try Data("[1, 2".utf8).write(to: folder.appendingPathComponent("catalog.json"))
        #expect(throws: ArchiveIndexError.self) { try index.sync(with: ArchiveSnapshot(meetings: Self.meetings(4))) }
        try Data("{\"version\": 1, \"next\": 1, \"segments\": [{\"name\": \"../etc\", \"items\": 1, \"meetings\": 1, \"retired\": []}]}".utf8)
            .write(to: folder.appendingPathComponent("catalog.json"))
        #expect(throws: ArchiveIndexError.self) { try index.search(ArchiveSearchQuery("godkendt")) }
    }
}
