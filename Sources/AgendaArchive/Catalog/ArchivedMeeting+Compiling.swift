import AgendaBase
import AgendaRender
import AgendaSemantics

extension ArchivedMeeting {
    /// Why a document cannot be filed: it has no committee or no valid date.
    public struct Unfileable: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The archive's record of a checked document, before any file is kept:
    /// identity from the header, stage from the document's kind, and the
    /// public model. The store adds files, approvals and revisions.
    public static func record(of meeting: Meeting, style: HouseStyle = .standard) -> Result<ArchivedMeeting, Unfileable> {
        guard let committee = meeting.committee?.value, !committee.trimmedSpaces.isEmpty else {
            return .failure(Unfileable(description: "the document names no committee; write `udvalg: …` in its header"))
        }
        guard let date = meeting.date?.value else {
            return .failure(Unfileable(description: "the document has no valid meeting date; write `dato: …` in its header"))
        }
        let id = MeetingID(committee: committee, date: date)
        return .success(ArchivedMeeting(
            id: id, committee: committee.trimmedSpaces, date: date, time: meeting.time?.value, place: meeting.place?.value,
            stage: meeting.isMinutes ? .minutes : .agenda,
            publicMeeting: AgendaRenderer.publicVersion(of: meeting, style: style)))
    }
}
