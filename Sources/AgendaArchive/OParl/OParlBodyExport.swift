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
            files[meeting.id] = try copyFiles(of: meeting, from: source, to: &output)
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

    /// Reads each public file once, checks it, copies it under `content/` and keeps its checksums.
    mutating func copyFiles<Sink: ExportSink>(of meeting: ArchivedMeeting, from source: some ArchiveFileSource,
                                              to output: inout OParlOutput<Sink>) throws(ArchiveExportError) -> [OParlFile] {
        let kept = meeting.publicFiles.sorted { ($0.kind.rawValue, $0.path) < ($1.kind.rawValue, $1.path) }
        let slugs = SlugTable(kept.map { ($0.path, OParlFile.slugName($0)) })
        var result: [OParlFile] = []
        for file in kept {
            let bytes = try source.bytes(of: file)
            try output.copy(bytes, to: OParlPaths.content(file.path))
            var items: [Int] = []
            var title: String? = nil
            for (offset, item) in meeting.publicMeeting.items.enumerated() {
                for attachment in item.attachments where attachment.file?.value == file.path {
                    if items.last != offset + 1 { items.append(offset + 1) }
                    if title == nil { title = attachment.title }
                }
            }
            result.append(OParlFile(file: file, meeting: meeting.id, slug: slugs[file.path], sha512: SHA512.hexDigest(bytes),
                                    itemOrders: items, attachmentTitle: title, documentTitle: OParlFile.documentTitle(meeting)))
            fileCount += 1
        }
        return result
    }
}

/// A public file as the export knows it once read.
struct OParlFile {
    var file: ArchivedFile
    var meeting: MeetingID
    var slug: String
    var sha512: String
    /// The items (by order) whose attachments name this file.
    var itemOrders: [Int]
    var attachmentTitle: String?
    /// `Referat` or `Dagsorden`, for naming the meeting's own files.
    var documentTitle: String

    static func slugName(_ file: ArchivedFile) -> String {
        file.kind.rawValue + "-" + (file.path.split(separator: "/").last.map(String.init) ?? file.path)
    }

    static func documentTitle(_ meeting: ArchivedMeeting) -> String {
        let word = meeting.publicMeeting.kind.danishTitle
        return word.prefix(1) + word.dropFirst().lowercased()
    }

    var fileName: String { file.path.split(separator: "/").last.map(String.init) ?? file.path }

    var name: String {
        switch file.kind {
        case .publicPDF: documentTitle + " (PDF)"
        case .publicHTML: documentTitle + " (HTML)"
        case .publicJSON: documentTitle + " (JSON)"
        default: attachmentTitle ?? fileName
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
