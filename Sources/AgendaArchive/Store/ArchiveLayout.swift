/// Where things are in an archive folder. Plain files, fit for version control:
///
/// ```
/// agendac-archive.json        the marker: format, version, municipality
/// ledger.jsonl                the hash chain, one record per line, appended only
/// catalog.jsonl               one line per meeting (its current state), sorted by meeting
/// meetings/<committee>/<date>/
///     meeting.json            the meeting's state: versions, approvers, approvals, files
///     agenda/                 an agenda added before the meeting (kept when minutes supersede it)
///     r1/, r2/ …              the minutes, each revision in its own folder, never overwritten once approved
///         source.agenda       the source as written
///         style.json          the effective house style it was printed in
///         internal/           meeting.json, meeting.html, meeting.pdf: everything, closed items too; never published
///         public/             meeting.json, meeting.html, meeting.pdf and bilag/: what may be published
/// ```
public enum ArchiveLayout {
    public static let manifestName = "agendac-archive.json"
    public static let ledgerName = "ledger.jsonl"
    public static let catalogName = "catalog.jsonl"
    public static let meetingsFolder = "meetings"
    /// Meeting folders are built here and renamed into place; never part of the archive.
    public static let stagingFolder = ".staging"
    public static let stateName = "meeting.json"
    public static let sourceName = "source.agenda"
    public static let styleName = "style.json"
    public static let agendaVersion = "agenda"

    public static func meetingFolder(_ id: MeetingID) -> String { meetingsFolder + "/" + id.path }

    public static func versionFolder(_ id: MeetingID, _ version: String) -> String { meetingFolder(id) + "/" + version }

    public static func statePath(_ id: MeetingID) -> String { meetingFolder(id) + "/" + stateName }

    /// `r1`, `r2` …
    public static func revisionVersion(_ number: Int) -> String { "r\(number)" }

    /// The revision number of a version name; nil for `agenda` or anything else.
    public static func revisionNumber(_ version: String) -> Int? {
        guard version.hasPrefix("r"), let number = Int(version.dropFirst()), number > 0, "r\(number)" == version else { return nil }
        return number
    }

    /// The way up from a version's `public/` or `internal/` folder to the archive root.
    static let rootFromOutputFolder = "../../../../../"
}
