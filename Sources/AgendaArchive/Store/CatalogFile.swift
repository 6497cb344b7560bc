import AgendaBase
import AgendaSemantics

/// One line of `catalog.jsonl`: a meeting's current state in brief, so that
/// `list`, `status` and `add` never open every meeting's folder.
public struct CatalogEntry: Sendable, Equatable {
    public var id: MeetingID
    public var committee: String
    public var date: CalendarDate
    public var stage: ArchivedMeeting.Stage
    /// The current version's folder name: `agenda`, `r1`, `r2` …
    public var version: String
    /// SHA-256 of the current version's source.
    public var source: String
    public var approvers: [String]
    /// Who approved the current source, in the order recorded.
    public var approvedBy: [String]

    public var revision: Int? { ArchiveLayout.revisionNumber(version) }

    public var missingApprovers: [String] {
        let given = Set(approvedBy.map(ApproverName.key))
        return approvers.filter { !given.contains(ApproverName.key($0)) }
    }

    init(_ state: MeetingState) {
        id = state.id
        committee = state.committee
        date = state.date
        stage = state.stage
        let current = state.current
        version = current?.name ?? ArchiveLayout.agendaVersion
        source = current?.source ?? ""
        approvers = current?.approvers ?? []
        approvedBy = current.map { version in version.approvals.filter { $0.sha256 == version.source }.map(\.name) } ?? []
    }

    var json: JSON {
        .object([("id", .string(id.path)), ("committee", .string(committee)), ("date", .string(date.iso)),
                 ("stage", .string(stage.rawValue)), ("version", .string(version)), ("source", .string(source)),
                 ("approvers", .array(approvers.map(JSON.string))), ("approvedBy", .array(approvedBy.map(JSON.string)))])
    }

    static func parse(_ line: [UInt8], place: String) throws(ArchiveError) -> CatalogEntry {
        let json: JSON
        do { json = try JSON.parse(line) } catch { throw .malformed(place, "not valid JSON (\(error.description))") }
        guard let idText = json["id"]?.stringValue, let id = MeetingID(path: idText),
              let committee = json["committee"]?.stringValue,
              let dateText = json["date"]?.stringValue, let date = CalendarDate.iso(dateText),
              let stageText = json["stage"]?.stringValue, let stage = ArchivedMeeting.Stage(rawValue: stageText),
              let version = json["version"]?.stringValue,
              version == ArchiveLayout.agendaVersion || ArchiveLayout.revisionNumber(version) != nil,
              let source = json["source"]?.stringValue else {
            throw .malformed(place, "a catalog line needs `id`, `committee`, `date`, `stage`, `version` and `source`")
        }
        var entry = CatalogEntry(id: id, committee: committee, date: date, stage: stage, version: version, source: source,
                                 approvers: [], approvedBy: [])
        entry.approvers = (json["approvers"]?.arrayValue ?? []).compactMap(\.stringValue)
        entry.approvedBy = (json["approvedBy"]?.arrayValue ?? []).compactMap(\.stringValue)
        return entry
    }

    private init(id: MeetingID, committee: String, date: CalendarDate, stage: ArchivedMeeting.Stage, version: String,
                 source: String, approvers: [String], approvedBy: [String]) {
        self.id = id
        self.committee = committee
        self.date = date
        self.stage = stage
        self.version = version
        self.source = source
        self.approvers = approvers
        self.approvedBy = approvedBy
    }
}

/// The catalog's lines, sorted by meeting, each kept as written so that
/// replacing one line rewrites the file without serialising the others again.
struct CatalogFile {
    private(set) var entries: [CatalogEntry] = []
    private var lines: [[UInt8]] = []
    private var positions: [MeetingID: Int] = [:]

    init() {}

    static func parse(_ bytes: [UInt8]) throws(ArchiveError) -> CatalogFile {
        var catalog = CatalogFile()
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            let entry = try CatalogEntry.parse(Array(line), place: "\(ArchiveLayout.catalogName):\(lineNumber)")
            guard catalog.positions[entry.id] == nil else {
                throw .malformed("\(ArchiveLayout.catalogName):\(lineNumber)", "\(entry.id) is listed twice")
            }
            if let last = catalog.entries.last, !(last.id < entry.id) {
                throw .malformed("\(ArchiveLayout.catalogName):\(lineNumber)", "the lines are not in the order of their meetings")
            }
            catalog.positions[entry.id] = catalog.entries.count
            catalog.entries.append(entry)
            catalog.lines.append(Array(line))
        }
        return catalog
    }

    func entry(_ id: MeetingID) -> CatalogEntry? { positions[id].map { entries[$0] } }

    /// Puts a meeting's line in its place (replacing the old one).
    mutating func set(_ entry: CatalogEntry) {
        let line = entry.json.serializedBytes()
        if let index = positions[entry.id] {
            entries[index] = entry
            lines[index] = line
            return
        }
        // binary search for the insertion point: adding stays cheap in a large catalog
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].id < entry.id { low = middle + 1 } else { high = middle }
        }
        entries.insert(entry, at: low)
        lines.insert(line, at: low)
        if low == entries.count - 1 {
            positions[entry.id] = low
        } else {
            for index in low..<entries.count { positions[entries[index].id] = index }
        }
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            out += line
            out.append(0x0A)
        }
        return out
    }
}
