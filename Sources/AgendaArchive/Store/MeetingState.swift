import AgendaBase
import AgendaSemantics

/// A meeting's `meeting.json`: what the store knows of it beyond its files'
/// bytes. Written by the tool inside the meeting's folder, so that a meeting's
/// files and its state are renamed into place together.
struct MeetingState: Sendable, Equatable {
    var id: MeetingID
    var committee: String
    var date: CalendarDate
    /// `15:00` or `15:00-17:30`, when the document gives a time.
    var time: String?
    /// Oldest first; the last is the current one.
    var versions: [VersionState]

    var current: VersionState? { versions.last }

    var stage: ArchivedMeeting.Stage { current?.stage ?? .agenda }

    func version(named name: String) -> VersionState? { versions.first { $0.name == name } }
}

/// One version of a meeting: the agenda, or one revision of the minutes.
struct VersionState: Sendable, Equatable {
    var name: String
    var isAgenda: Bool { name == ArchiveLayout.agendaVersion }
    /// SHA-256 of `source.agenda`.
    var source: String
    var addedAt: String
    /// Why a revision of approved minutes was made; nil for the agenda and `r1`.
    var reason: String?
    var approvers: [String]
    var approvals: [Approval]
    var files: [ArchivedFile]

    var revision: Int? { ArchiveLayout.revisionNumber(name) }

    /// Approved when every approver approved this source; with nobody named, one approval suffices.
    var isApproved: Bool {
        guard !isAgenda else { return false }
        let given = Set(approvals.filter { $0.sha256 == source }.map { ApproverName.key($0.name) })
        if approvers.isEmpty { return !given.isEmpty }
        return approvers.allSatisfy { given.contains(ApproverName.key($0)) }
    }

    var stage: ArchivedMeeting.Stage { isAgenda ? .agenda : isApproved ? .approved : .minutes }

    var missingApprovers: [String] {
        let given = Set(approvals.map { ApproverName.key($0.name) })
        return approvers.filter { !given.contains(ApproverName.key($0)) }
    }

    var sourceFile: ArchivedFile? { files.first { $0.kind == .source } }
}

// MARK: - JSON

extension MeetingState {
    var json: JSON {
        var object = JSONObjectBuilder()
        object.set("id", id.path)
        object.set("committee", committee)
        object.set("date", date.iso)
        object.set("time", time)
        object.set("stage", stage.rawValue)
        object.set("versions", JSON.array(versions.map(\.json)))
        return object.json
    }

    /// Reads a `meeting.json`; `path` names the file in errors.
    static func parse(_ bytes: [UInt8], path: String) throws(ArchiveError) -> MeetingState {
        let json: JSON
        do { json = try JSON.parse(bytes) } catch { throw .malformed(path, "not valid JSON (\(error.description))") }
        guard let idText = json["id"]?.stringValue, let id = MeetingID(path: idText) else {
            throw .malformed(path, "`id` must be a meeting such as \"udvalg/2026-05-04\"")
        }
        guard let committee = json["committee"]?.stringValue, !committee.isEmpty else { throw .malformed(path, "`committee` is missing") }
        guard let dateText = json["date"]?.stringValue, let date = CalendarDate.iso(dateText) else {
            throw .malformed(path, "`date` must be a date such as \"2026-05-04\"")
        }
        guard let versionList = json["versions"]?.arrayValue, !versionList.isEmpty else {
            throw .malformed(path, "`versions` must list at least one version")
        }
        var versions: [VersionState] = []
        for (index, version) in versionList.enumerated() {
            versions.append(try VersionState.parse(version, path: "\(path) (versions[\(index)])"))
        }
        return MeetingState(id: id, committee: committee, date: date, time: json["time"]?.stringValue, versions: versions)
    }
}

extension VersionState {
    var json: JSON {
        var object = JSONObjectBuilder()
        object.set("name", name)
        object.set("stage", stage.rawValue)
        object.set("source", source)
        object.set("addedAt", addedAt)
        object.set("reason", reason)
        object.set("approvers", JSON.array(approvers.map(JSON.string)))
        object.set("approvals", JSON.array(approvals.map(\.json)))
        object.set("files", JSON.array(files.map(\.json)))
        return object.json
    }

    static func parse(_ json: JSON, path: String) throws(ArchiveError) -> VersionState {
        guard let name = json["name"]?.stringValue, name == ArchiveLayout.agendaVersion || ArchiveLayout.revisionNumber(name) != nil else {
            throw .malformed(path, "`name` must be \"agenda\" or a revision such as \"r1\"")
        }
        guard let source = json["source"]?.stringValue, SHA256Text.isHex(source) else { throw .malformed(path, "`source` must be a SHA-256 in hex") }
        guard let addedAt = json["addedAt"]?.stringValue else { throw .malformed(path, "`addedAt` is missing") }
        var approvals: [Approval] = []
        for approval in json["approvals"]?.arrayValue ?? [] {
            approvals.append(try Approval.parse(approval, path: path))
        }
        var files: [ArchivedFile] = []
        for file in json["files"]?.arrayValue ?? [] {
            files.append(try ArchivedFile.parse(file, path: path))
        }
        return VersionState(name: name, source: source, addedAt: addedAt, reason: json["reason"]?.stringValue,
                            approvers: (json["approvers"]?.arrayValue ?? []).compactMap(\.stringValue),
                            approvals: approvals, files: files)
    }
}

extension Approval {
    var json: JSON { .object([("name", .string(name)), ("at", .string(at)), ("sha256", .string(sha256))]) }

    static func parse(_ json: JSON, path: String) throws(ArchiveError) -> Approval {
        guard let name = json["name"]?.stringValue, let at = json["at"]?.stringValue,
              let sha = json["sha256"]?.stringValue, SHA256Text.isHex(sha) else {
            throw .malformed(path, "an approval needs `name`, `at` and `sha256`")
        }
        return Approval(name: name, at: at, sha256: sha)
    }
}

extension ArchivedFile {
    var json: JSON {
        .object([("kind", .string(kind.rawValue)), ("path", .string(path)), ("sha256", .string(sha256)), ("bytes", .int(byteCount))])
    }

    static func parse(_ json: JSON, path: String) throws(ArchiveError) -> ArchivedFile {
        guard let kindName = json["kind"]?.stringValue, let kind = Kind(rawValue: kindName),
              let filePath = json["path"]?.stringValue, ArchivePath.isSafe(filePath),
              let sha = json["sha256"]?.stringValue, SHA256Text.isHex(sha),
              let bytes = json["bytes"]?.intValue, bytes >= 0 else {
            throw .malformed(path, "a file needs `kind`, a relative `path` inside the archive, `sha256` and `bytes`")
        }
        return ArchivedFile(kind: kind, path: filePath, sha256: sha, byteCount: bytes)
    }
}

enum SHA256Text {
    static func isHex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    static func of(_ bytes: [UInt8]) -> String { SHA256.hexDigest(bytes) }
}

extension CalendarDate {
    /// `2026-05-04`; nil for anything else.
    static func iso(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
