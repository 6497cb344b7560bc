import AgendaBase
import AgendaSemantics

/// The archive as PostgreSQL loads it with `psql -f load.sql`: `schema.sql`
/// (tables for meetings, items, cases, treatments and files, full-text search
/// with the `danish` configuration over the items, the `case_history` view),
/// the data as `COPY … FROM STDIN` blocks in `data/`, one file per table,
/// `indexes.sql`, and `load.sql`, which runs them in one transaction and
/// replaces the rows an earlier load of the same municipalities left.
/// Public models only. Meetings are added one at a time and the data files
/// written in chunks, so an archive of millions of items needs little memory.
public struct PostgresExport<Sink: ExportSink> {
    public struct Summary: Equatable, Sendable {
        public var meetings = 0
        public var items = 0
        public var cases = 0
        public var files = 0
    }

    enum Table: String, CaseIterable {
        case meetings, items, cases, treatments, files

        var columns: String {
            switch self {
            case .meetings: "id, municipality, committee, committee_slug, meeting_date, time_suffix, starts_at, ends_at, place, stage, revision"
            case .items: "meeting_id, position, number, title, is_public, case_number, case_key, final_authority, sections, recommendation, decision, decided"
            case .cases: "municipality, case_key, case_number, title, first_date, last_date, treatments"
            case .treatments: "municipality, case_key, meeting_id, position, link"
            case .files: "meeting_id, path, kind, title, sha256, byte_count, item_positions"
            }
        }

        var path: String { "data/\(rawValue).sql" }
    }

    struct CaseSummary {
        var municipality: String
        var key: String
        var number: String
        var title: String
        var first: CalendarDate
        var last: CalendarDate
        var treatments: Int
    }

    public private(set) var sink: Sink
    public private(set) var summary = Summary()
    let defaultMunicipality: String
    var buffers: [Table: [UInt8]] = [:]
    var cases: [String: CaseSummary] = [:]
    var municipalities: Set<String> = []
    /// Each meeting's key and its items' positions by number, for `sagens gang` links.
    var places: [MeetingID: (id: String, positions: [Int: Int])] = [:]
    static var chunkSize: Int { 1 << 20 }

    /// Starts an export; `municipality` names meetings whose header names none.
    public init(sink: Sink, municipality: String?) throws(ArchiveExportError) {
        self.sink = sink
        defaultMunicipality = municipality?.trimmedSpaces.isEmpty == false ? (municipality ?? "") : "Kommune"
        try self.sink.write(Array(PostgresSchema.schema.utf8), to: "schema.sql")
        try self.sink.write(Array(PostgresSchema.indexes.utf8), to: "indexes.sql")
        try self.sink.write(Array(PostgresSchema.load.utf8), to: "load.sql")
        for table in Table.allCases where table != .cases {
            try self.sink.write(Array("COPY \(PostgresSchema.name).\(table.rawValue) (\(table.columns)) FROM STDIN;\n".utf8), to: table.path)
        }
    }

    /// The whole snapshot, in one call.
    public static func write(_ snapshot: ArchiveSnapshot, to sink: Sink) throws(ArchiveExportError) -> (Sink, Summary) {
        var export = try PostgresExport(sink: sink, municipality: snapshot.municipality)
        for meeting in snapshot.meetings { try export.add(meeting) }
        try export.addHistoryLinks(CaseHistory(snapshot))
        try export.finish()
        return (export.sink, export.summary)
    }

    public mutating func add(_ meeting: ArchivedMeeting) throws(ArchiveExportError) {
        let municipality = Self.municipality(of: meeting, default: defaultMunicipality)
        municipalities.insert(municipality)
        let meetingID = Self.meetingID(of: meeting, municipality: municipality)
        var row = PostgresRow()
        row.text(meetingID)
        row.text(municipality)
        row.text(meeting.committee)
        row.text(meeting.id.committeeSlug)
        row.text(meeting.date.iso)
        row.text(meeting.id.timeSuffix ?? "")
        if let time = meeting.time {
            row.text(OParlTime.danish(meeting.date, hour: time.startHour, minute: time.startMinute))
            if let hour = time.endHour, let minute = time.endMinute {
                row.text(OParlTime.danish(meeting.date, hour: hour, minute: minute))
            } else {
                row.null()
            }
        } else {
            row.null()
            row.null()
        }
        row.text(meeting.place)
        row.text(meeting.stage.rawValue)
        row.integer(meeting.revision)
        try emit(row, to: .meetings)
        summary.meetings += 1

        var attachmentItems: [String: [Int]] = [:]
        var attachmentTitles: [String: String] = [:]
        var positions: [Int: Int] = [:]
        for (offset, (item, record)) in zip(meeting.publicMeeting.items, ItemRecord.records(of: meeting)).enumerated() {
            let position = offset + 1
            if positions[item.number] == nil { positions[item.number] = position }
            try addItem(item, record, position: position, meetingID: meetingID, meeting: meeting, municipality: municipality)
            for attachment in item.attachments {
                guard let path = attachment.file?.value else { continue }
                if attachmentTitles[path] == nil { attachmentTitles[path] = attachment.title }
                if attachmentItems[path]?.last != position { attachmentItems[path, default: []].append(position) }
            }
        }
        for file in meeting.publicFiles.sorted(by: { $0.path < $1.path }) {
            var row = PostgresRow()
            row.text(meetingID)
            row.text(file.path)
            row.text(file.kind.rawValue)
            row.text(attachmentTitles[file.path])
            row.text(file.sha256)
            row.integer(file.byteCount)
            row.integers(attachmentItems[file.path] ?? [])
            try emit(row, to: .files)
            summary.files += 1
        }
        places[meeting.id] = (meetingID, positions)
    }

    /// The municipality the meeting's header names, else the archive's.
    static func municipality(of meeting: ArchivedMeeting, default fallback: String) -> String {
        let written = meeting.publicMeeting.municipality?.value.trimmedSpaces ?? ""
        return written.isEmpty ? fallback : written
    }

    /// `horsens-kommune/committee/2026-05-04`: the meeting's key, unique across municipalities.
    static func meetingID(of meeting: ArchivedMeeting, municipality: String) -> String {
        Slug.make(municipality) + "/" + meeting.id.path
    }

    mutating func addItem(_ item: Item, _ record: ItemRecord, position: Int, meetingID: String, meeting: ArchivedMeeting,
                          municipality: String) throws(ArchiveExportError) {
        let caseNumber = item.caseNumber?.value.trimmedSpaces
        let caseKey = caseNumber.map(CaseIndex.key)
        var row = PostgresRow()
        row.text(meetingID)
        row.integer(position)
        row.integer(item.number)
        // the texts the archive's search indexes: title, sections, recommendation, decision
        let texts = record.texts + Array(repeating: "", count: max(0, 4 - record.texts.count))
        row.text(texts[0])
        row.boolean(!item.closed)
        row.text(caseNumber)
        row.text(caseKey)
        row.text(item.finalAuthority?.sentence)
        row.text(texts[1])
        row.text(texts[2])
        row.text(texts[3])
        row.boolean(record.decided)
        try emit(row, to: .items)
        summary.items += 1
        guard let caseNumber, let caseKey else { return }
        var treatment = PostgresRow()
        treatment.text(municipality)
        treatment.text(caseKey)
        treatment.text(meetingID)
        treatment.integer(position)
        treatment.text(CaseHistory.Link.caseNumber.rawValue)
        try emit(treatment, to: .treatments)
        let key = municipality + "\u{0}" + caseKey
        var entry = cases[key] ?? CaseSummary(municipality: municipality, key: caseKey, number: caseNumber, title: item.title,
                                              first: meeting.date, last: meeting.date, treatments: 0)
        entry.first = min(entry.first, meeting.date)
        entry.last = max(entry.last, meeting.date)
        entry.treatments += 1
        cases[key] = entry
    }

    /// The items a `sagens gang:` line links to a case without carrying its
    /// number, as `agendac archive case` lists them (after every meeting is added).
    public mutating func addHistoryLinks(_ history: CaseHistory) throws(ArchiveExportError) {
        for entry in cases.values.sorted(by: { ($0.municipality, $0.key) < ($1.municipality, $1.key) }) {
            for linked in history.entries(ofCase: entry.key) where linked.link == .history {
                guard let place = places[linked.treatment.meeting], let position = place.positions[linked.treatment.itemNumber] else { continue }
                var row = PostgresRow()
                row.text(entry.municipality)
                row.text(entry.key)
                row.text(place.id)
                row.integer(position)
                row.text(CaseHistory.Link.history.rawValue)
                try emit(row, to: .treatments)
            }
        }
    }

    /// Writes the cases and what is left in the buffers, and ends every COPY block.
    public mutating func finish() throws(ArchiveExportError) {
        try sink.write(Array("COPY \(PostgresSchema.name).cases (\(Table.cases.columns)) FROM STDIN;\n".utf8), to: Table.cases.path)
        for entry in cases.values.sorted(by: { ($0.municipality, $0.key) < ($1.municipality, $1.key) }) {
            var row = PostgresRow()
            row.text(entry.municipality)
            row.text(entry.key)
            row.text(entry.number)
            row.text(entry.title)
            row.text(entry.first.iso)
            row.text(entry.last.iso)
            row.integer(entry.treatments)
            try emit(row, to: .cases)
        }
        summary.cases = cases.count
        for table in Table.allCases {
            buffers[table, default: []] += Array("\\.\n".utf8)
            try flush(table)
        }
        var replace = "-- The rows an earlier load of these municipalities left (their items, treatments and files go with them).\n"
        for name in municipalities.sorted() {
            let literal = SQLLiteral.text(name)
            replace += "DELETE FROM \(PostgresSchema.name).meetings WHERE municipality = \(literal);\n"
            replace += "DELETE FROM \(PostgresSchema.name).cases WHERE municipality = \(literal);\n"
        }
        try sink.write(Array(replace.utf8), to: "data/replace.sql")
    }

    mutating func emit(_ row: PostgresRow, to table: Table) throws(ArchiveExportError) {
        buffers[table, default: []] += row.line
        if buffers[table, default: []].count >= Self.chunkSize { try flush(table) }
    }

    mutating func flush(_ table: Table) throws(ArchiveExportError) {
        guard let buffer = buffers[table], !buffer.isEmpty else { return }
        try sink.append(buffer, to: table.path)
        buffers[table] = []
    }
}
