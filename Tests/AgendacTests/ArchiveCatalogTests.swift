import AgendaArchive
import AgendaSemantics
import Foundation
import Testing

/// The archive's read model: meeting identities, slugs, and the case index
/// that links a case's treatments across meetings.
struct ArchiveCatalogTests {
    static func record(_ name: String) throws -> ArchivedMeeting {
        let url = FormatFixtures.samplesFolder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try ArchivedMeeting.record(of: AnalyzedDocument(text: text).meeting).get()
    }

    @Test func slugsSpellDanishLettersOut() {
        #expect(Slug.make("Beskæftigelses- og Integrationsudvalget") == "beskaeftigelses-og-integrationsudvalget")
        #expect(Slug.make("Børne- og Ungeudvalget") == "boerne-og-ungeudvalget")
        #expect(Slug.make("Økonomi & Erhverv 😀 Århus") == "oekonomi-erhverv-aarhus")
        #expect(Slug.make("  ") == "udvalg")
    }

    @Test func meetingIDReadsBackItsPath() throws {
        let date = try #require(CalendarDate(year: 2026, month: 5, day: 4))
        let id = MeetingID(committee: "Økonomiudvalget", date: date)
        #expect(id.path == "oekonomiudvalget/2026-05-04")
        #expect(MeetingID(path: id.path) == id)
        #expect(MeetingID(path: "oekonomiudvalget/2026-02-30") == nil)
        #expect(MeetingID(path: "../2026-05-04") == nil)
        #expect(MeetingID(path: "a/b/2026-05-04") == nil)
    }

    @Test func aCaseIsFoundAcrossMeetingsInDateOrder() throws {
        let june = try Self.record("horsens-beskaeftigelses-og-integrationsudvalget-2026-06-01.agenda")
        let may = try Self.record("horsens-beskaeftigelses-og-integrationsudvalget-2026-05-04.agenda")
        let index = ArchiveSnapshot(meetings: [june, may]).caseIndex()
        let history = index.treatments(ofCase: " 15.00.00-p05-3-25 ")
        #expect(history.map(\.date.iso) == ["2026-05-04", "2026-06-01"])
        #expect(history.allSatisfy { $0.committee == "Beskæftigelses- og Integrationsudvalget" })
        #expect(index.treatments(ofCase: "99.99.99-Z99-9-99").isEmpty)
    }
}
