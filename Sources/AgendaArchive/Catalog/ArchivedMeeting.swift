import AgendaBase
import AgendaSemantics

/// One meeting as the archive keeps it: who met when, how far the record has
/// come, the files kept, and the *public* model every derived product
/// (case history, search, site, OParl, PostgreSQL) reads. The full model of a
/// closed item is never in here: the store keeps the source and the internal
/// outputs as files, and nothing downstream opens them.
public struct ArchivedMeeting: Sendable {
    public var id: MeetingID
    public var committee: String
    public var date: CalendarDate
    public var time: MeetingTime?
    public var place: String?
    public var stage: Stage
    /// 1 for the first minutes; each revision of approved minutes adds one.
    public var revision: Int
    public var revisions: [Revision]
    public var approvals: [Approval]
    public var files: [ArchivedFile]
    /// The public version (closed items reduced to what may be published).
    /// Attachment files are named by their path relative to the archive root.
    public var publicMeeting: Meeting
    /// Who must approve the current minutes: the signature sheet's signers, else
    /// the participants (empty for an agenda, or when the minutes name nobody).
    public var approvers: [String]
    /// The versions this one replaced and the archive keeps: the agenda the
    /// minutes superseded, earlier revisions of approved minutes; oldest first.
    public var earlierVersions: [KeptVersion]

    public init(id: MeetingID, committee: String, date: CalendarDate, time: MeetingTime? = nil, place: String? = nil,
                stage: Stage, revision: Int = 1, revisions: [Revision] = [], approvals: [Approval] = [],
                files: [ArchivedFile] = [], publicMeeting: Meeting, approvers: [String] = [], earlierVersions: [KeptVersion] = []) {
        self.id = id
        self.committee = committee
        self.date = date
        self.time = time
        self.place = place
        self.stage = stage
        self.revision = revision
        self.revisions = revisions
        self.approvals = approvals
        self.files = files
        self.publicMeeting = publicMeeting
        self.approvers = approvers
        self.earlierVersions = earlierVersions
    }

    public enum Stage: String, Sendable, CaseIterable, Comparable {
        /// An agenda added before the meeting; the minutes of the same meeting supersede it.
        case agenda
        /// Minutes added, not yet approved.
        case minutes
        /// Minutes with the members' approvals recorded: immutable, changed only by a new revision.
        case approved

        public static func < (lhs: Stage, rhs: Stage) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// The public files (HTML, PDF, JSON, attachments that may be published).
    public var publicFiles: [ArchivedFile] { files.filter(\.isPublic) }

    /// The approvers whose approval of the current source is not yet recorded.
    public var missingApprovers: [String] {
        let given = Set(approvals.map { ApproverName.key($0.name) })
        return approvers.filter { !given.contains(ApproverName.key($0)) }
    }
}

/// An earlier version the archive keeps beside the current one: the files
/// stay where they were written (`agenda/`, `r1/` …), never overwritten.
public struct KeptVersion: Sendable {
    /// The version's folder name inside the meeting's folder: `agenda`, `r1`, `r2` …
    public var name: String
    public var stage: ArchivedMeeting.Stage
    /// The revision number; nil for an agenda.
    public var revision: Int?
    /// SHA-256 of the version's source.
    public var sha256: String
    /// When the version was added (ISO 8601).
    public var addedAt: String
    public var approvals: [Approval]
    public var files: [ArchivedFile]
    /// The public version of an earlier revision of the minutes (closed items
    /// reduced as for the current one; attachments named by their archive path),
    /// so the site can show it beside the current one. Nil for a superseded agenda.
    public var publicMeeting: Meeting?

    public init(name: String, stage: ArchivedMeeting.Stage, revision: Int?, sha256: String, addedAt: String,
                approvals: [Approval] = [], files: [ArchivedFile] = [], publicMeeting: Meeting? = nil) {
        self.name = name
        self.stage = stage
        self.revision = revision
        self.sha256 = sha256
        self.addedAt = addedAt
        self.approvals = approvals
        self.files = files
        self.publicMeeting = publicMeeting
    }

    public var publicFiles: [ArchivedFile] { files.filter(\.isPublic) }
}

/// Approvers compared as people write names: NFC, case and runs of spaces ignored.
public enum ApproverName {
    public static func key(_ name: String) -> String {
        TextNormalization.nfc(name).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A meeting's identity in the archive: its committee and date (and start
/// time when a committee meets twice a day), as a path-safe slug such as
/// `beskaeftigelsesudvalget/2026-05-04`.
public struct MeetingID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var committeeSlug: String
    public var date: CalendarDate
    /// `1500` when the committee has another meeting that day; nil otherwise.
    public var timeSuffix: String?

    public init(committee: String, date: CalendarDate, time: MeetingTime? = nil, disambiguate: Bool = false) {
        committeeSlug = Slug.make(committee)
        self.date = date
        if disambiguate, let time {
            timeSuffix = MeetingTime.twoDigits(time.startHour) + MeetingTime.twoDigits(time.startMinute)
        } else {
            timeSuffix = nil
        }
    }

    /// Reads `committee/2026-05-04` or `committee/2026-05-04-1500`; nil for anything else.
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, Slug.make(String(parts[0])) == parts[0] else { return nil }
        let dateParts = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 3 || dateParts.count == 4,
              let year = Int(dateParts[0]), let month = Int(dateParts[1]), let day = Int(dateParts[2]),
              dateParts[0].count == 4, dateParts[1].count == 2, dateParts[2].count == 2,
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        if dateParts.count == 4 {
            guard dateParts[3].count == 4, dateParts[3].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            timeSuffix = String(dateParts[3])
        } else {
            timeSuffix = nil
        }
        committeeSlug = String(parts[0])
        self.date = date
    }

    /// The relative path: `committee/2026-05-04`.
    public var path: String { committeeSlug + "/" + date.iso + (timeSuffix.map { "-" + $0 } ?? "") }
    public var description: String { path }

    public static func < (lhs: MeetingID, rhs: MeetingID) -> Bool {
        (lhs.date, lhs.timeSuffix ?? "", lhs.committeeSlug) < (rhs.date, rhs.timeSuffix ?? "", rhs.committeeSlug)
    }
}

extension MeetingTime {
    static func twoDigits(_ value: Int) -> String { (value < 10 ? "0" : "") + "\(value)" }
}

/// One file kept for a meeting, named by its path relative to the archive root.
public struct ArchivedFile: Hashable, Sendable {
    public var kind: Kind
    public var path: String
    /// Lowercase hex SHA-256 of the file's bytes (`AgendaBase.SHA256`).
    public var sha256: String
    public var byteCount: Int

    public init(kind: Kind, path: String, sha256: String, byteCount: Int) {
        self.kind = kind
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
    }

    public enum Kind: String, Sendable, CaseIterable {
        /// The internal record: the source as written and its full outputs. Never published.
        case source, json, html, pdf
        /// The effective house style the version was printed in (internal; read back to rebuild the public model).
        case style
        /// The public versions and the attachments that may be published.
        case publicJSON = "public-json", publicHTML = "public-html", publicPDF = "public-pdf", attachment

        public var isPublic: Bool {
            switch self {
            case .source, .json, .html, .pdf, .style: false
            case .publicJSON, .publicHTML, .publicPDF, .attachment: true
            }
        }
    }

    public var isPublic: Bool { kind.isPublic }
}

/// A member's approval of exactly one version of the minutes.
public struct Approval: Hashable, Sendable {
    public var name: String
    /// When, as written by the tool: ISO 8601 (`2026-05-11T09:30:00Z`).
    public var at: String
    /// SHA-256 of the source approved.
    public var sha256: String

    public init(name: String, at: String, sha256: String) {
        self.name = name
        self.at = at
        self.sha256 = sha256
    }
}

/// A revision of approved minutes: the old one is kept and linked.
public struct Revision: Hashable, Sendable {
    public var number: Int
    public var reason: String
    public var at: String
    /// SHA-256 of the revision's source.
    public var sha256: String

    public init(number: Int, reason: String, at: String, sha256: String) {
        self.number = number
        self.reason = reason
        self.at = at
        self.sha256 = sha256
    }
}
