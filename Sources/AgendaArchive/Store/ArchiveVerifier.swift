import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// What `agendac archive verify` found.
public struct VerifyReport: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            /// A file whose bytes differ from the record that covers it.
            case changed
            /// A file a record covers that is gone.
            case removed
            /// A file no record covers.
            case added
            /// Ledger records out of their order.
            case reordered
            /// A ledger record missing from the chain.
            case missingRecord = "missing record"
            /// A ledger record whose contents no longer match its hash, or that breaks the chain.
            case changedRecord = "changed record"
            /// A file of the archive that cannot be read as the tool wrote it.
            case unreadable
        }

        public var kind: Kind
        /// The file (relative to the archive root), or `ledger.jsonl:LINE`.
        public var place: String
        public var detail: String

        public var description: String { "\(kind.rawValue): \(place): \(detail)" }
    }

    public var problems: [Problem] = []
    public var recordCount = 0
    public var meetingCount = 0
    public var fileCount = 0

    public var isIntact: Bool { problems.isEmpty }
}

/// Recomputes every hash: the ledger's chain, then every file against the
/// last record that covers it, then each meeting's state and the catalog
/// against what the ledger says. Reads only; never changes the archive.
public enum ArchiveVerifier {
    public static func verify(at root: URL) -> VerifyReport {
        var report = VerifyReport()
        func problem(_ kind: VerifyReport.Problem.Kind, _ place: String, _ detail: String) {
            report.problems.append(.init(kind: kind, place: place, detail: detail))
        }
        do {
            _ = try ArchiveStore.readManifest(root)
        } catch {
            problem(.unreadable, ArchiveLayout.manifestName, error.description)
        }
        let ledgerPath = ArchiveLayout.ledgerName
        guard let ledgerData = FileManager.default.contents(atPath: root.appendingPathComponent(ledgerPath).path) else {
            problem(.removed, ledgerPath, "the ledger is missing or cannot be read; nothing can be verified without it")
            return report
        }
        let records = readLedger(Array(ledgerData), problem: problem)
        report.recordCount = records.count
        let replay = Replay(records, problem: problem)
        report.meetingCount = replay.meetings.count
        report.fileCount = checkFiles(root: root, replay: replay, problem: problem)
        checkStates(root: root, replay: replay, problem: problem)
        checkCatalog(root: root, replay: replay, problem: problem)
        return report
    }

    /// The records in file order, each checked against its own hash; then
    /// the order of sequence numbers and the chain of `previous` hashes.
    static func readLedger(_ bytes: [UInt8], problem: (VerifyReport.Problem.Kind, String, String) -> Void) -> [(line: Int, record: LedgerRecord)] {
        let name = ArchiveLayout.ledgerName
        if let last = bytes.last, last != 0x0A {
            problem(.changedRecord, name, "the last line does not end with a line break; it was cut or edited outside the tool")
        }
        var records: [(line: Int, record: LedgerRecord)] = []
        for (number, line) in LedgerFile.lines(bytes) {
            let place = "\(name):\(number)"
            let record: LedgerRecord
            do { record = try LedgerRecord.parse(line, place: place) } catch {
                problem(.unreadable, place, "the record cannot be read (\(error.description))")
                continue
            }
            if LedgerRecord.recomputedHash(of: line) != record.hash {
                problem(.changedRecord, place, "record \(record.sequence) was changed: its contents no longer match its hash")
            }
            records.append((number, record))
        }
        // order: each record's sequence is one more than the one before it in the file
        var seen: [Int: Int] = [:]
        for (index, entry) in records.enumerated() {
            let place = "\(name):\(entry.line)"
            if let earlier = seen[entry.record.sequence] {
                problem(.changedRecord, place, "record \(entry.record.sequence) appears twice (first at line \(earlier))")
            }
            seen[entry.record.sequence] = entry.line
            guard index > 0 else { continue }
            let before = records[index - 1].record.sequence
            if entry.record.sequence < before {
                problem(.reordered, place, "record \(entry.record.sequence) stands after record \(before); records were reordered outside the tool")
            }
        }
        // gaps in the sequence, each reported once (a forged sequence of 10^12 must not mean 10^12 lines)
        var expected = 1
        for sequence in Set(records.map(\.record.sequence)).sorted() where sequence >= expected {
            if sequence == expected + 1 {
                problem(.missingRecord, name, "record \(expected) is missing; it was removed outside the tool")
            } else if sequence > expected {
                problem(.missingRecord, name, "records \(expected) to \(sequence - 1) are missing; they were removed outside the tool")
            }
            expected = sequence + 1
        }
        // the chain, in sequence order: each record names the hash of the one before
        let bySequence = Dictionary(records.map { ($0.record.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        for (sequence, entry) in bySequence.sorted(by: { $0.key < $1.key }) {
            let expected: String?
            if sequence == 1 { expected = LedgerRecord.firstPrevious } else { expected = bySequence[sequence - 1]?.record.hash }
            guard let expected, entry.record.previous != expected else { continue }
            problem(.changedRecord, "\(name):\(entry.line)", "record \(sequence) does not follow record \(sequence - 1): the chain is broken, so one of them was changed or replaced outside the tool")
        }
        return records.sorted { $0.record.sequence < $1.record.sequence }
    }

    /// What the ledger says each meeting holds, record by record.
    struct Replay {
        struct Version {
            var name: String
            var source: String
            var files: [String: ArchivedFile] = [:]
            var approvals: [Approval] = []
            /// The record that last wrote the version's files.
            var sequence: Int
        }

        struct Meeting {
            var versions: [Version] = []
            var stage: ArchivedMeeting.Stage = .agenda
        }

        var meetings: [MeetingID: Meeting] = [:]

        init(_ records: [(line: Int, record: LedgerRecord)], problem: (VerifyReport.Problem.Kind, String, String) -> Void) {
            for (line, record) in records {
                var meeting = meetings[record.meeting] ?? Meeting()
                switch record.kind {
                case .add, .replace, .supersede, .revise:
                    meeting.versions.removeAll { $0.name == record.version }
                    var version = Version(name: record.version, source: record.source, sequence: record.sequence)
                    for file in record.files { version.files[file.path] = file }
                    meeting.versions.append(version)
                case .approve:
                    guard let index = meeting.versions.firstIndex(where: { $0.name == record.version }),
                          meeting.versions[index].source == record.source else {
                        problem(.changedRecord, "\(ArchiveLayout.ledgerName):\(line)",
                                "record \(record.sequence) approves \(record.meeting) \(record.version) with a source the ledger never added")
                        continue
                    }
                    meeting.versions[index].approvals.append(Approval(name: record.by ?? "", at: record.at, sha256: record.source))
                }
                meeting.stage = record.stage
                meetings[record.meeting] = meeting
            }
        }

        /// Every file the ledger covers, with the record that covers it.
        var files: [String: (file: ArchivedFile, sequence: Int)] {
            var result: [String: (ArchivedFile, Int)] = [:]
            for meeting in meetings.values {
                for version in meeting.versions {
                    for (path, file) in version.files { result[path] = (file, version.sequence) }
                }
            }
            return result
        }
    }

    /// Every file below `meetings/` against the ledger (the meetings' own `meeting.json` are checked as state).
    /// Returns how many files the ledger covers.
    static func checkFiles(root: URL, replay: Replay, problem: (VerifyReport.Problem.Kind, String, String) -> Void) -> Int {
        let expected = replay.files
        var found: Set<String> = []
        for (path, isRegular) in walk(root: root, folder: ArchiveLayout.meetingsFolder) {
            if isStateFile(path) { continue }
            found.insert(path)
            guard let (file, sequence) = expected[path] else {
                problem(.added, path, "no ledger record covers this file; it was added outside the tool")
                continue
            }
            guard isRegular else {
                problem(.changed, path, "not a regular file (record \(sequence) covers a file here)")
                continue
            }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                problem(.unreadable, path, "cannot be read")
                continue
            }
            if SHA256Text.of(Array(data)) != file.sha256 {
                problem(.changed, path, "its SHA-256 differs from the one record \(sequence) gives; it was changed outside the tool")
            }
        }
        for (path, entry) in expected.sorted(by: { $0.key < $1.key }) where !found.contains(path) {
            problem(.removed, path, "record \(entry.sequence) covers this file, and it is gone")
        }
        return expected.count
    }

    /// Each meeting's `meeting.json` must say what the ledger says.
    static func checkStates(root: URL, replay: Replay, problem: (VerifyReport.Problem.Kind, String, String) -> Void) {
        var onDisk: Set<MeetingID> = []
        for (path, _) in walk(root: root, folder: ArchiveLayout.meetingsFolder) where isStateFile(path) {
            let folder = String(path.dropFirst(ArchiveLayout.meetingsFolder.count + 1).dropLast(ArchiveLayout.stateName.count + 1))
            guard let id = MeetingID(path: folder) else {
                problem(.added, path, "not the folder of a meeting the tool wrote")
                continue
            }
            onDisk.insert(id)
        }
        for id in onDisk.union(replay.meetings.keys).sorted() {
            let path = ArchiveLayout.statePath(id)
            guard let expected = replay.meetings[id] else {
                problem(.added, path, "no ledger record names \(id); the meeting was added outside the tool")
                continue
            }
            guard onDisk.contains(id), let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                problem(.removed, path, "the ledger has \(id), and its state file is gone")
                continue
            }
            let state: MeetingState
            do { state = try MeetingState.parse(Array(data), path: path) } catch {
                problem(.unreadable, path, error.description)
                continue
            }
            if let difference = difference(state, expected) {
                problem(.changed, path, "\(difference) differs from the ledger; it was changed outside the tool")
            }
        }
    }

    static func difference(_ state: MeetingState, _ expected: Replay.Meeting) -> String? {
        if state.stage != expected.stage { return "the stage" }
        guard state.versions.map(\.name) == expected.versions.map(\.name) else { return "the list of versions" }
        for (version, replayed) in zip(state.versions, expected.versions) {
            if version.source != replayed.source { return "the source of \(version.name)" }
            let files = Dictionary(version.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
            if files != replayed.files.mapValues(\.sha256) { return "the files of \(version.name)" }
            let approvals = version.approvals.map { "\($0.name)|\($0.at)|\($0.sha256)" }
            if approvals != replayed.approvals.map({ "\($0.name)|\($0.at)|\($0.sha256)" }) { return "the approvals of \(version.name)" }
        }
        return nil
    }

    /// The catalog must list exactly the ledger's meetings, each at its current version and stage.
    static func checkCatalog(root: URL, replay: Replay, problem: (VerifyReport.Problem.Kind, String, String) -> Void) {
        let name = ArchiveLayout.catalogName
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else {
            problem(.removed, name, "the catalog is missing")
            return
        }
        let catalog: CatalogFile
        do { catalog = try CatalogFile.parse(Array(data)) } catch {
            problem(.unreadable, name, error.description)
            return
        }
        let listed = Set(catalog.entries.map(\.id))
        for id in listed.union(replay.meetings.keys).sorted() {
            guard let expected = replay.meetings[id] else {
                problem(.changed, name, "lists \(id), which no ledger record names")
                continue
            }
            guard let entry = catalog.entry(id) else {
                problem(.changed, name, "does not list \(id), which the ledger has")
                continue
            }
            let current = expected.versions.last
            let approvedBy = current?.approvals.map(\.name) ?? []
            if entry.stage != expected.stage || entry.version != current?.name || entry.source != current?.source || entry.approvedBy != approvedBy {
                problem(.changed, name, "the line of \(id) differs from the ledger")
            }
        }
    }

    static func isStateFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 4 && parts[3] == Substring(ArchiveLayout.stateName)
    }

    /// Every entry below `folder` (relative paths, sorted), and whether each is a regular file; links are not followed.
    static func walk(root: URL, folder: String) -> [(path: String, isRegular: Bool)] {
        var result: [(String, Bool)] = []
        var pending = [folder]
        while let current = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(current).path)) ?? []
            for name in names {
                let path = current + "/" + name
                var status = stat()
                guard lstat(root.appendingPathComponent(path).path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: result.append((path, true))
                default: result.append((path, false))
                }
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
