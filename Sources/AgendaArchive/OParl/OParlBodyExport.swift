import AgendaBase
import AgendaSemantics

/// One body's objects: its public files first (read, checked, copied, with
/// their checksums), then every object in its own file, then its lists.
struct OParlBodyExport {
    let directory: OParlDirectory
    let base: OParlBaseURL
    let paths: OParlPaths
    let pageSize: Int
    private(set) var stamps: [MeetingID: OParlStamp] = [:]
    private(set) var bodyStamp = OParlStamp.none
    private(set) var files: [MeetingID: [OParlFile]] = [:]
    /// Each meeting's files by the order of the items that name them.
    private(set) var itemFiles: [MeetingID: [Int: [OParlFile]]] = [:]
    private(set) var fileCount = 0

    init(directory: OParlDirectory, base: OParlBaseURL, pageSize: Int) {
        self.directory = directory
        self.base = base
        self.pageSize = pageSize
        paths = OParlPaths(body: directory.slug)
        for meeting in directory.meetings {
            let stamp = OParlStamp(meeting)
            stamps[meeting.id] = stamp
            bodyStamp = bodyStamp.widened(by: stamp)
        }
    }

    func url(_ path: String) -> String { base.url(path) }
    func stamp(_ id: MeetingID) -> OParlStamp { stamps[id] ?? .none }
    func stamp(_ ids: [MeetingID]) -> OParlStamp { ids.reduce(OParlStamp.none) { $0.widened(by: stamp($1)) } }

    mutating func writeAll<Sink: ExportSink>(files source: some ArchiveFileSource, to output: inout OParlOutput<Sink>) throws(ArchiveExportError) {
        for meeting in directory.meetings {
            let copied = try copyFiles(of: meeting, from: source, to: &output)
            files[meeting.id] = copied
            var byItem: [Int: [OParlFile]] = [:]
            for file in copied {
                for order in file.itemOrders { byItem[order, default: []].append(file) }
            }
            itemFiles[meeting.id] = byItem
        }
        var meetings: [JSON] = [], items: [JSON] = [], consultations: [JSON] = [], fileObjects: [JSON] = []
        var meetingsByPath: [String: JSON] = [:], consultationsByPath: [String: JSON] = [:]
        for meeting in directory.meetings {
            let object = meetingObject(meeting)
            try output.write(object, at: paths.meeting(meeting.id))
            meetings.append(object)
            meetingsByPath[paths.meeting(meeting.id)] = object
            for (offset, item) in meeting.publicMeeting.items.enumerated() {
                let order = offset + 1
                let itemObject = agendaItemObject(item, order: order, of: meeting)
                try output.write(itemObject, at: paths.agendaItem(meeting.id, order: order))
                items.append(itemObject)
                if let consultation = consultationObject(item, order: order, of: meeting) {
                    try output.write(consultation, at: paths.consultation(meeting.id, order: order))
                    consultations.append(consultation)
                    consultationsByPath[paths.consultation(meeting.id, order: order)] = consultation
                }
            }
            for file in files[meeting.id] ?? [] {
                let object = fileObject(file)
                try output.write(object, at: paths.file(meeting.id, file.slug))
                fileObjects.append(object)
            }
        }
        var papers: [JSON] = []
        for entry in directory.cases {
            let object = paperObject(entry)
            try output.write(object, at: paths.paper(entry.slug))
            papers.append(object)
        }
        var organizations: [JSON] = []
        for committee in directory.committees {
            let object = committeeObject(committee)
            try output.write(object, at: paths.organization(committee.slug))
            organizations.append(object)
            let meetingObjects = committee.meetings.compactMap { meetingsByPath[paths.meeting($0)] }
            try output.writeList(meetingObjects, at: paths.organizationList(committee.slug, "meetings"), pageSize: pageSize)
            let consultationObjects = committee.consultations.compactMap { consultationsByPath[paths.consultation($0, order: $1)] }
            try output.writeList(consultationObjects, at: paths.organizationList(committee.slug, "consultations"), pageSize: pageSize)
        }
        for party in directory.parties {
            let object = partyObject(party)
            try output.write(object, at: paths.party(party.slug))
            organizations.append(object)
        }
        var people: [JSON] = [], memberships: [JSON] = []
        for person in directory.people {
            let personMemberships = membershipObjects(of: person)
            for (path, membership) in personMemberships { try output.write(membership, at: path) }
            memberships += personMemberships.map(\.object)
            let object = personObject(person, memberships: personMemberships.map(\.object))
            try output.write(object, at: paths.person(person.slug))
            people.append(object)
        }
        var locations: [JSON] = []
        for place in directory.places {
            let object = locationObject(place)
            try output.write(object, at: paths.location(place.slug))
            locations.append(object)
        }
        let terms = directory.termStarts.map(termObject)
        for (start, term) in zip(directory.termStarts, terms) { try output.write(term, at: paths.legislativeTerm(start)) }
        try output.writeList(organizations, at: paths.list("organizations"), pageSize: pageSize)
        try output.writeList(people, at: paths.list("people"), pageSize: pageSize)
        try output.writeList(memberships, at: paths.list("memberships"), pageSize: pageSize)
        try output.writeList(meetings, at: paths.list("meetings"), pageSize: pageSize)
        try output.writeList(papers, at: paths.list("papers"), pageSize: pageSize)
        try output.writeList(items, at: paths.list("agenda-items"), pageSize: pageSize)
        try output.writeList(consultations, at: paths.list("consultations"), pageSize: pageSize)
        try output.writeList(fileObjects, at: paths.list("files"), pageSize: pageSize)
        try output.writeList(locations, at: paths.list("locations"), pageSize: pageSize)
        try output.writeList(terms, at: paths.list("legislative-terms"), pageSize: pageSize)
        try output.write(bodyObject(), at: paths.bodyObject)
    }

    /// Reads each public file once, checks it, copies it under `content/` and
    /// keeps its checksums: the current version's files, then those of each
    /// earlier version (the superseded agenda, earlier revisions of the
    /// minutes), so the export lists every file the archive published.
    mutating func copyFiles<Sink: ExportSink>(of meeting: ArchivedMeeting, from source: some ArchiveFileSource,
                                              to output: inout OParlOutput<Sink>) throws(ArchiveExportError) -> [OParlFile] {
        let ordered = { (files: [ArchivedFile]) in files.sorted { ($0.kind.rawValue, $0.path) < ($1.kind.rawValue, $1.path) } }
        let kept: [(file: ArchivedFile, version: KeptVersion?)] =
            ordered(meeting.publicFiles).map { ($0, nil) }
            + meeting.earlierVersions.flatMap { version in ordered(version.publicFiles).map { ($0, version) } }
        let slugs = SlugTable(kept.map { ($0.file.path, OParlFile.slugName($0.file, version: $0.version)) })
        // which items name each file, and the first title given to it, in one
        // pass per version; an earlier version's files hang on the meeting
        // only, not on today's agenda items
        let current = Self.attachmentUses(meeting.publicMeeting)
        var earlier: [String: [String: (orders: [Int], title: String?)]] = [:]
        var result: [OParlFile] = []
        var copied = Set<String>()
        for (file, version) in kept where copied.insert(file.path).inserted {
            let bytes = try source.bytes(of: file)
            try output.copy(bytes, to: OParlPaths.content(file.path))
            var items: [Int] = []
            var title: String? = nil
            if let version {
                if earlier[version.name] == nil { earlier[version.name] = version.publicMeeting.map(Self.attachmentUses) ?? [:] }
                title = earlier[version.name]?[file.path]?.title
            } else {
                items = current[file.path]?.orders ?? []
                title = current[file.path]?.title
            }
            result.append(OParlFile(file: file, meeting: meeting.id, slug: slugs[file.path], sha512: SHA512.hexDigest(bytes),
                                    itemOrders: items, attachmentTitle: title, documentTitle: OParlFile.documentTitle(meeting, version: version),
                                    version: version.map { OParlFile.Version(name: $0.name, isAgenda: $0.revision == nil) }))
            fileCount += 1
        }
        return result
    }

    /// For each attachment path of `meeting`: the items (by order) naming it and its first title.
    static func attachmentUses(_ meeting: Meeting) -> [String: (orders: [Int], title: String?)] {
        var uses: [String: (orders: [Int], title: String?)] = [:]
        for (offset, item) in meeting.items.enumerated() {
            for attachment in item.attachments {
                guard let path = attachment.file?.value else { continue }
                var use = uses[path] ?? ([], attachment.title)
                if use.orders.last != offset + 1 { use.orders.append(offset + 1) }
                uses[path] = use
            }
        }
        return uses
    }
}

/// A public file as the export knows it once read.
struct OParlFile {
    /// The earlier version a file belongs to; nil for the current version's files.
    struct Version {
        /// The version's folder name: `agenda`, `r1`, `r2` …
        var name: String
        var isAgenda: Bool
    }

    var file: ArchivedFile
    var meeting: MeetingID
    var slug: String
    var sha512: String
    /// The items (by order) whose attachments name this file.
    var itemOrders: [Int]
    var attachmentTitle: String?
    /// `Referat` or `Dagsorden`, for naming the meeting's own files (with the
    /// revision for an earlier revision of the minutes: `Referat r1`).
    var documentTitle: String
    var version: Version? = nil

    static func slugName(_ file: ArchivedFile, version: KeptVersion? = nil) -> String {
        (version.map { $0.name + "-" } ?? "") + file.kind.rawValue + "-" + (file.path.split(separator: "/").last.map(String.init) ?? file.path)
    }

    static func documentTitle(_ meeting: ArchivedMeeting, version: KeptVersion? = nil) -> String {
        let kind: DocumentKind = version.map { $0.revision == nil ? .agenda : .minutes } ?? meeting.publicMeeting.kind
        let word = kind.danishTitle
        let title = String(word.prefix(1)) + word.dropFirst().lowercased()
        guard let version, let revision = version.revision else { return title }
        return title + " r\(revision)"
    }

    var fileName: String { file.path.split(separator: "/").last.map(String.init) ?? file.path }

    var name: String {
        switch file.kind {
        case .publicPDF: documentTitle + " (PDF)"
        case .publicHTML: documentTitle + " (HTML)"
        case .publicJSON: documentTitle + " (JSON)"
        default: (attachmentTitle ?? fileName) + (version.map { " (\($0.isAgenda ? "dagsorden" : $0.name))" } ?? "")
        }
    }

    var mimeType: String {
        switch file.kind {
        case .publicPDF: return "application/pdf"
        case .publicHTML: return "text/html"
        case .publicJSON: return "application/json"
        default:
            let ext = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
            return OParlFile.mimeTypes[ext] ?? "application/octet-stream"
        }
    }

    static let mimeTypes: [String: String] = [
        "pdf": "application/pdf", "html": "text/html", "htm": "text/html", "json": "application/json", "txt": "text/plain",
        "csv": "text/csv", "xml": "application/xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "svg": "image/svg+xml", "zip": "application/zip", "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint", "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ]
}
