import AgendaBase
import AgendaRender
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A document ready to file: checked clean by the caller, with the style it is printed in.
public struct ArchiveDocument: Sendable {
    /// The source's bytes exactly as written.
    public var source: [UInt8]
    /// Where the source was read from: attachment paths are relative to it.
    public var file: URL
    public var meeting: Meeting
    public var style: HouseStyle
    /// The committee's members from the workspace settings: who approves
    /// minutes that name neither signers nor participants.
    public var committeeMembers: [String]

    public init(source: [UInt8], file: URL, meeting: Meeting, style: HouseStyle = .standard, committeeMembers: [String] = []) {
        self.source = source
        self.file = file
        self.meeting = meeting
        self.style = style
        self.committeeMembers = committeeMembers
    }
}

/// What a write did, for the command to say.
public struct ArchiveChange: Sendable {
    /// The record appended; nil when nothing changed.
    public var record: LedgerRecord?
    public var meeting: MeetingID
    public var stage: ArchivedMeeting.Stage
    /// One sentence for people.
    public var summary: String
    /// Approvers still missing after this change (minutes only).
    public var missingApprovers: [String] = []
}

extension ArchiveStore {
    /// Files a document: a new meeting's agenda or minutes, minutes superseding
    /// the agenda, or a changed text replacing one not yet approved. The same
    /// source again changes nothing. Approved minutes are refused: `revise` makes a new revision.
    public mutating func add(_ document: ArchiveDocument, at time: String) throws(ArchiveError) -> ArchiveChange {
        try write(document, at: time, revisionReason: nil)
    }

    /// A new revision of approved minutes, with the reason; the approved one is kept beside it.
    public mutating func revise(_ document: ArchiveDocument, reason: String, at time: String) throws(ArchiveError) -> ArchiveChange {
        guard !reason.trimmedSpaces.isEmpty else { throw ArchiveError("a revision needs a reason: --reason \"…\"") }
        return try write(document, at: time, revisionReason: reason.trimmedSpaces)
    }

    private mutating func write(_ document: ArchiveDocument, at time: String, revisionReason: String?) throws(ArchiveError) -> ArchiveChange {
        let lock = try ArchiveLock(root: root)
        defer { withExtendedLifetime(lock) {} }
        try reloadCatalog()
        let filed: ArchivedMeeting
        switch ArchivedMeeting.record(of: document.meeting, style: document.style) {
        case .success(let record): filed = record
        case .failure(let problem): throw ArchiveError(problem.description)
        }
        let id = try identity(for: filed, time: document.meeting.time?.value)
        let sha = SHA256Text.of(document.source)
        let existing = catalog.entry(id) == nil ? nil : try readState(id)
        let isMinutes = document.meeting.isMinutes

        let kind: LedgerRecord.Kind, versionName: String
        var replaced: String?
        var reason: String?
        if let existing, let current = existing.current {
            if let same = existing.versions.last(where: { $0.source == sha }) {
                let when = same.isAgenda ? "as its agenda" : "as \(same.name)"
                return ArchiveChange(record: nil, meeting: id, stage: existing.stage,
                                     summary: "\(id): unchanged; this text is already archived \(when) (\(existing.stage.rawValue))",
                                     missingApprovers: current.missingApprovers)
            }
            switch (isMinutes, current.stage) {
            case (false, .agenda):
                guard revisionReason == nil else { throw ArchiveError("\(id): revise is for approved minutes; this is an agenda, and `archive add` replaces the archived agenda") }
                (kind, versionName, replaced) = (.replace, ArchiveLayout.agendaVersion, ArchiveLayout.agendaVersion)
            case (false, _):
                throw ArchiveError("\(id): the minutes of this meeting are archived; an agenda cannot take their place")
            case (true, .agenda):
                guard revisionReason == nil else { throw ArchiveError("\(id): revise is for approved minutes; the archive has only the agenda, so `archive add` files these minutes") }
                (kind, versionName) = (.supersede, ArchiveLayout.revisionVersion(1))
            case (true, .minutes):
                guard revisionReason == nil else {
                    throw ArchiveError("\(id): revise is for approved minutes; \(current.name) is not approved yet, so `archive add` replaces it")
                }
                (kind, versionName, replaced) = (.replace, current.name, current.name)
            case (true, .approved):
                guard let revisionReason else {
                    throw ArchiveError("\(id): the minutes are approved and cannot change; to correct them, make a new revision: agendac archive revise FILE --reason \"…\"")
                }
                (kind, versionName, reason) = (.revise, ArchiveLayout.revisionVersion((current.revision ?? 0) + 1), revisionReason)
            }
        } else {
            guard revisionReason == nil else { throw ArchiveError("\(id): not in the archive; `archive add` files it first") }
            (kind, versionName) = (.add, isMinutes ? ArchiveLayout.revisionVersion(1) : ArchiveLayout.agendaVersion)
        }

        let folder = ArchiveLayout.versionFolder(id, versionName)
        let files = try VersionFiles.make(meeting: document.meeting, source: document.source, style: document.style,
                                          agendaFile: document.file, folder: folder)
        let archived = files.files.map(\.archived)
        let version = VersionState(name: versionName, source: sha, addedAt: time, reason: reason,
                                   approvers: isMinutes ? ArchiveStore.approvers(of: document.meeting, committeeMembers: document.committeeMembers) : [],
                                   approvals: [], files: archived)
        var state = existing ?? MeetingState(id: id, committee: filed.committee, date: filed.date,
                                             time: document.meeting.time?.value.text, versions: [])
        state.time = document.meeting.time?.value.text
        state.committee = filed.committee
        if let replaced { state.versions.removeAll { $0.name == replaced } }
        state.versions.append(version)
        let draft = LedgerRecord(sequence: 0, kind: kind, meeting: id, version: versionName, stage: state.stage, at: time,
                                 by: nil, reason: reason, source: sha, files: archived, previous: "")
        let record = try commit(state, writing: files, replacing: replaced, record: draft)
        let summary = switch kind {
        case .add: "\(id): added \(isMinutes ? "the minutes" : "the agenda") as \(versionName)"
        case .supersede: "\(id): added the minutes as \(versionName), superseding the agenda (kept in agenda/)"
        case .replace: "\(id): replaced \(versionName) with the changed text" + (isMinutes ? "; approvals start again" : "")
        case .revise: "\(id): added revision \(versionName) (\(reason ?? "")); the approved text is kept"
        case .approve: "\(id): approved"
        }
        return ArchiveChange(record: record, meeting: id, stage: state.stage, summary: summary, missingApprovers: version.missingApprovers)
    }

    /// The meeting's identity: committee and date, with the start time added
    /// when the archive already has another meeting of that committee that day.
    private func identity(for filed: ArchivedMeeting, time: MeetingTime?) throws(ArchiveError) -> MeetingID {
        let plain = filed.id
        guard let time, let existing = catalog.entry(plain) else { return plain }
        let state = try readState(plain)
        guard let archivedTime = state.time, archivedTime != time.text,
              MeetingTime.startText(archivedTime) != MeetingTime.startText(time.text) else { return plain }
        return MeetingID(committee: existing.committee, date: filed.date, time: time, disambiguate: true)
    }

    /// Who must approve the minutes: the signature sheet's signers, else the
    /// participants, else the committee's members from the settings who were not absent.
    static func approvers(of meeting: Meeting, committeeMembers: [String] = []) -> [String] {
        let signers = meeting.signatures?.signers.map(\.name) ?? []
        let absent = Set(meeting.absentees.map { ApproverName.key($0.name) })
        let members = committeeMembers.filter { !absent.contains(ApproverName.key($0)) }
        let names = !signers.isEmpty ? signers : !meeting.participants.isEmpty ? meeting.participants.map(\.name) : members
        var seen: Set<String> = []
        return names.map(\.trimmedSpaces).filter { !$0.isEmpty && seen.insert(ApproverName.key($0)).inserted }
    }

    mutating func reloadCatalog() throws(ArchiveError) {
        let catalogURL = url(ArchiveLayout.catalogName)
        guard let bytes = FileManager.default.contents(atPath: catalogURL.path) else {
            throw .malformed(ArchiveLayout.catalogName, "the file is missing or cannot be read")
        }
        catalog = try CatalogFile.parse(Array(bytes))
    }
}

extension MeetingTime {
    /// `15:00` of `15:00-17:30`.
    static func startText(_ text: String) -> Substring { text.prefix { $0 != "-" } }
}
