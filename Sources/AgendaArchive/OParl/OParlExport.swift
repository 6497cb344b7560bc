import AgendaBase
import AgendaSemantics

/// The archive as OParl 1.1 (oparl.org), static JSON files that any OParl
/// client reads from a plain web server: System, a Body per municipality,
/// an Organization per committee and party, Person, Membership, Meeting,
/// AgendaItem, a Paper per case with a Consultation per treatment, File
/// (with SHA-512 and the archive's SHA-256) and Location, and every list
/// the Body names, paginated. Made from the public models only, so a closed
/// item shows its public title and public decision and nothing else.
/// The same archive gives the same bytes.
public enum OParlExport {
    public struct Options: Sendable {
        public var baseURL: OParlBaseURL
        /// Objects per list page (OParl recommends pages above 100 objects).
        public var pageSize: Int

        public init(baseURL: OParlBaseURL, pageSize: Int = 100) {
            self.baseURL = baseURL
            self.pageSize = max(1, pageSize)
        }
    }

    /// What was written, for the command to report.
    public struct Summary: Equatable, Sendable {
        public var bodies = 0
        public var meetings = 0
        public var agendaItems = 0
        public var papers = 0
        public var files = 0
        public var objectFiles = 0
    }

    static let typePrefix = "https://schema.oparl.org/1.1/"

    /// Writes the export of `snapshot` through `sink`, reading public files from `files`.
    public static func write(_ snapshot: ArchiveSnapshot, options: Options, files: some ArchiveFileSource,
                             to sink: inout some ExportSink) throws(ArchiveExportError) -> Summary {
        var summary = Summary()
        var output = OParlOutput(sink: sink, base: options.baseURL)
        let bodies = bodiesOf(snapshot)
        let bodySlugs = SlugTable(bodies.map { ($0.name, $0.name) })
        var bodyObjects: [JSON] = []
        var systemStamp = OParlStamp.none
        for body in bodies {
            let directory = OParlDirectory(name: body.name, slug: bodySlugs[body.name], meetings: body.meetings)
            var export = OParlBodyExport(directory: directory, base: options.baseURL, pageSize: options.pageSize)
            try export.writeAll(files: files, to: &output)
            bodyObjects.append(export.bodyObject())
            systemStamp = systemStamp.widened(by: export.bodyStamp)
            summary.bodies += 1
            summary.meetings += directory.meetings.count
            summary.agendaItems += directory.meetings.reduce(0) { $0 + $1.publicMeeting.items.count }
            summary.papers += directory.cases.count
            summary.files += export.fileCount
        }
        try output.writeList(bodyObjects, at: OParlPaths.bodies, pageSize: options.pageSize)
        try output.write(systemObject(options.baseURL, stamp: systemStamp), at: OParlPaths.system)
        summary.objectFiles = output.objectFiles
        sink = output.sink
        return summary
    }

    /// The meetings by municipality (as each meeting's header names it, else the
    /// archive's), municipalities in name order, meetings oldest first.
    static func bodiesOf(_ snapshot: ArchiveSnapshot) -> [(name: String, meetings: [ArchivedMeeting])] {
        var byName: [String: [ArchivedMeeting]] = [:]
        var names: [String: String] = [:]
        for meeting in snapshot.meetings {
            let written = meeting.publicMeeting.municipality?.value.trimmedSpaces ?? ""
            let name = written.isEmpty ? (snapshot.municipality?.trimmedSpaces ?? "Kommune") : written
            let key = OParlDirectory.personKey(name)
            if names[key] == nil { names[key] = name }
            byName[key, default: []].append(meeting)
        }
        return byName.keys.sorted().compactMap { key in
            guard let name = names[key], let meetings = byName[key] else { return nil }
            return (name, meetings)
        }
    }

    static func systemObject(_ base: OParlBaseURL, stamp: OParlStamp) -> JSON {
        var object = JSONObjectBuilder()
        object.set("id", base.url(OParlPaths.system))
        object.set("type", typePrefix + "System")
        object.set("oparlVersion", "https://schema.oparl.org/1.1/")
        object.set("body", base.url(OParlPaths.bodies + ".json"))
        object.set("name", "agendac")
        stamp.set(on: &object)
        return object.json
    }
}

/// Writes object files and list pages through the sink, counting them.
struct OParlOutput<Sink: ExportSink> {
    var sink: Sink
    let base: OParlBaseURL
    var objectFiles = 0

    mutating func write(_ object: JSON, at path: String) throws(ArchiveExportError) {
        try sink.write(Array(object.prettyPrinted().utf8), to: path)
        objectFiles += 1
    }

    mutating func copy(_ bytes: [UInt8], to path: String) throws(ArchiveExportError) {
        try sink.write(bytes, to: path)
    }

    /// A list as OParl pages it: `NAME.json`, `NAME-2.json` …, each with `data`,
    /// `pagination` and `links` (`next` on every page but the last). An empty
    /// list is one page with no data.
    mutating func writeList(_ objects: [JSON], at name: String, pageSize: Int) throws(ArchiveExportError) {
        let pages = max(1, (objects.count + pageSize - 1) / pageSize)
        func page(_ number: Int) -> String { base.url(number == 1 ? name + ".json" : name + "-\(number).json") }
        for number in 1...pages {
            let slice = objects.dropFirst((number - 1) * pageSize).prefix(pageSize)
            var pagination = JSONObjectBuilder()
            pagination.set("totalElements", objects.count)
            pagination.set("elementsPerPage", pageSize)
            pagination.set("currentPage", number)
            pagination.set("totalPages", pages)
            var links = JSONObjectBuilder()
            links.set("first", page(1))
            if number > 1 { links.set("prev", page(number - 1)) }
            links.set("self", page(number))
            if number < pages { links.set("next", page(number + 1)) }
            links.set("last", page(pages))
            let list = JSON.object([("data", .array(Array(slice))), ("pagination", pagination.json), ("links", links.json)])
            try write(list, at: number == 1 ? name + ".json" : name + "-\(number).json")
        }
    }
}

/// When an object was made and last changed. OParl 1.1 asks both of every
/// object. The archive knows a meeting's date and time and when approvals and
/// revisions were recorded: an object is "created" at its (first) meeting and
/// "modified" at the latest record about it, never read from the clock.
struct OParlStamp {
    var created: (text: String, seconds: Int64)?
    var modified: (text: String, seconds: Int64)?

    static let none = OParlStamp()

    init() {}

    init(_ meeting: ArchivedMeeting) {
        let hour = meeting.time?.startHour ?? 0, minute = meeting.time?.startMinute ?? 0
        let start = (OParlTime.danish(meeting.date, hour: hour, minute: minute), OParlTime.seconds(meeting.date, hour: hour, minute: minute))
        created = start
        modified = start
        for text in meeting.approvals.map(\.at) + meeting.revisions.map(\.at) {
            if let seconds = OParlTime.seconds(ofInstant: text), let latest = modified, seconds > latest.seconds {
                modified = (text, seconds)
            }
        }
    }

    func widened(by other: OParlStamp) -> OParlStamp {
        var result = self
        if let created = other.created, result.created.map({ created.seconds < $0.seconds }) ?? true { result.created = created }
        if let modified = other.modified, result.modified.map({ modified.seconds > $0.seconds }) ?? true { result.modified = modified }
        return result
    }

    func set(on object: inout JSONObjectBuilder) {
        object.set("created", created?.text)
        object.set("modified", modified?.text)
    }
}
