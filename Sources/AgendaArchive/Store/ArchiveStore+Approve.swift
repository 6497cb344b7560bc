import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

extension ArchiveStore {
    /// Records one approver's approval of the current minutes: who, when, and
    /// the SHA-256 of exactly the source approved (read from the archive now,
    /// so an approval never covers a text changed outside the tool). The
    /// minutes become approved when every approver has approved.
    public mutating func approve(_ id: MeetingID, by name: String, at time: String) throws(ArchiveError) -> ArchiveChange {
        let lock = try ArchiveLock(root: root)
        defer { withExtendedLifetime(lock) {} }
        try reloadCatalog()
        guard catalog.entry(id) != nil else {
            throw ArchiveError("\(id): no such meeting in the archive; `agendac archive list` shows the meetings")
        }
        var state = try readState(id)
        guard var current = state.current else { throw .malformed(ArchiveLayout.statePath(id), "no version is listed") }
        guard !current.isAgenda else {
            throw ArchiveError("\(id): the archive has only the agenda; approval is for minutes (add them with `agendac archive add`)")
        }
        guard !current.isApproved else {
            throw ArchiveError("\(id): \(current.name) is already approved (by \(current.approvals.map(\.name).joined(separator: ", "))); approved minutes cannot change")
        }
        let given = name.trimmedSpaces
        guard !given.isEmpty else { throw ArchiveError("--by needs the approver's name") }
        let approver: String
        if current.approvers.isEmpty {
            approver = given
        } else if let listed = current.approvers.first(where: { ApproverName.key($0) == ApproverName.key(given) }) {
            approver = listed
        } else {
            throw ArchiveError("\(id): \(given) is not among those who approve these minutes (\(current.approvers.joined(separator: ", "))); write the name as on the signature sheet")
        }
        if current.approvals.contains(where: { ApproverName.key($0.name) == ApproverName.key(approver) && $0.sha256 == current.source }) {
            return ArchiveChange(record: nil, meeting: id, stage: state.stage,
                                 summary: "\(id): unchanged; \(approver) has already approved \(current.name)",
                                 missingApprovers: current.missingApprovers)
        }
        guard let sourceFile = current.sourceFile else { throw .malformed(ArchiveLayout.statePath(id), "the version lists no source file") }
        guard let bytes = FileManager.default.contents(atPath: url(sourceFile.path).path) else {
            throw .malformed(sourceFile.path, "the file is missing or cannot be read")
        }
        let sha = SHA256Text.of(Array(bytes))
        guard sha == current.source, sha == sourceFile.sha256 else {
            throw ArchiveError("\(sourceFile.path): the source differs from the one archived; it was changed outside agendac, so nothing is approved (run `agendac archive verify`)")
        }
        current.approvals.append(Approval(name: approver, at: time, sha256: sha))
        state.versions[state.versions.count - 1] = current
        let draft = LedgerRecord(sequence: 0, kind: .approve, meeting: id, version: current.name, stage: state.stage, at: time,
                                 by: approver, reason: nil, source: sha, files: [sourceFile], previous: "")
        let record = try commit(state, record: draft)
        let summary = current.isApproved
            ? "\(id): \(approver) approved \(current.name); the minutes are now approved"
            : "\(id): \(approver) approved \(current.name); still missing: \(current.missingApprovers.joined(separator: ", "))"
        return ArchiveChange(record: record, meeting: id, stage: state.stage, summary: summary, missingApprovers: current.missingApprovers)
    }
}
