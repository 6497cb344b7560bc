import AgendaBase
import AgendaSemantics

/// The archive's items by place (committee, date, item number), for reading a
/// `sagens gang:` line against the archive. Built once per snapshot in one pass.
public struct ArchiveItemLookup: Sendable {
    /// One archived item: which meeting (index in the snapshot) and which item.
    public struct Place: Hashable, Sendable {
        public var meeting: Int
        public var item: Int
    }

    /// What the archive says about one earlier treatment.
    public enum Resolution: Equatable, Sendable {
        /// The line gives no date, so it names no meeting.
        case unchecked
        /// No meeting of that body on that day.
        case noMeeting
        /// The meeting is archived; it has no item of that number.
        case noItem(meeting: Int)
        /// The meeting is archived; the line names no item.
        case meeting(Int)
        case item(Place)
    }

    let snapshot: ArchiveSnapshot
    var meetingsByDay: [String: [Int]] = [:]

    public init(_ snapshot: ArchiveSnapshot) {
        self.snapshot = snapshot
        for (index, meeting) in snapshot.meetings.enumerated() {
            meetingsByDay[ArchiveItemLookup.dayKey(meeting.id.committeeSlug, meeting.date), default: []].append(index)
        }
    }

    static func dayKey(_ committeeSlug: String, _ date: CalendarDate) -> String { committeeSlug + "/" + date.iso }

    public func resolve(_ treatment: Treatment) -> Resolution {
        guard let date = treatment.date else { return .unchecked }
        guard let meetings = meetingsByDay[ArchiveItemLookup.dayKey(Slug.make(treatment.body), date)] else { return .noMeeting }
        guard let number = treatment.itemNumber else { return meetings.first.map(Resolution.meeting) ?? .noMeeting }
        for meeting in meetings {
            if let item = snapshot.meetings[meeting].publicMeeting.items.firstIndex(where: { $0.number == number }) {
                return .item(Place(meeting: meeting, item: item))
            }
        }
        return meetings.first.map { .noItem(meeting: $0) } ?? .noMeeting
    }

    public func meeting(_ place: Place) -> ArchivedMeeting? {
        snapshot.meetings.indices.contains(place.meeting) ? snapshot.meetings[place.meeting] : nil
    }

    public func item(_ place: Place) -> Item? {
        guard let meeting = meeting(place), meeting.publicMeeting.items.indices.contains(place.item) else { return nil }
        return meeting.publicMeeting.items[place.item]
    }
}
