import AgendaArchive
import AgendaBase
import AgendaSemantics
import Foundation

/// The samples as the store would keep them, for the export tests until they
/// read a real store: each meeting's public model, its public PDF, HTML and
/// JSON (stand-in bytes, so the fixtures do not change with the renderers)
/// and its public attachments (the samples' own files), all under a
/// temporary archive folder, attachments named by their archive path.
enum ArchiveExportFixtures {
    struct Archive {
        var snapshot: ArchiveSnapshot
        var root: URL
        var files: ArchiveFolderFiles { ArchiveFolderFiles(root: root) }
    }

    static func meeting(text: String) throws -> ArchivedMeeting {
        try ArchivedMeeting.record(of: AnalyzedDocument(text: text).meeting).get()
    }

    static func sampleMeetings() throws -> [ArchivedMeeting] {
        try Golden.sampleFiles().map { try meeting(text: Golden.read($0)) }
    }

    /// Files for each meeting under a new temporary folder (removed by the caller).
    static func archive(of meetings: [ArchivedMeeting], municipality: String? = nil, name: String = "archive") throws -> Archive {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-\(name)-\(getpid())-\(UUID().uuidString)")
        var kept: [ArchivedMeeting] = []
        for var meeting in meetings {
            let folder = meeting.id.path + "/r\(meeting.revision)"
            var files: [ArchivedFile] = []
            for (kind, ext) in [(ArchivedFile.Kind.publicPDF, "pdf"), (.publicHTML, "html"), (.publicJSON, "json")] {
                let path = folder + "/offentlig." + ext
                files.append(try keep(Array("\(kind.rawValue) of \(meeting.id.path)\n".utf8), kind: kind, at: path, root: root))
            }
            for itemIndex in meeting.publicMeeting.items.indices {
                for sectionIndex in meeting.publicMeeting.items[itemIndex].sections.indices {
                    guard case .attachments(var attachments) = meeting.publicMeeting.items[itemIndex].sections[sectionIndex].content else { continue }
                    for index in attachments.indices where attachments[index].isPublic {
                        guard let written = attachments[index].file?.value,
                              let data = FileManager.default.contents(atPath: Golden.samples.appendingPathComponent(written).path) else { continue }
                        let path = folder + "/bilag/" + (written.split(separator: "/").last.map(String.init) ?? written)
                        if !files.contains(where: { $0.path == path }) {
                            files.append(try keep([UInt8](data), kind: .attachment, at: path, root: root))
                        }
                        attachments[index].file?.value = path
                    }
                    meeting.publicMeeting.items[itemIndex].sections[sectionIndex].content = .attachments(attachments)
                }
            }
            meeting.files = files
            kept.append(meeting)
        }
        return Archive(snapshot: ArchiveSnapshot(meetings: kept, municipality: municipality), root: root)
    }

    static func keep(_ bytes: [UInt8], kind: ArchivedFile.Kind, at path: String, root: URL) throws -> ArchivedFile {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return ArchivedFile(kind: kind, path: path, sha256: SHA256.hexDigest(bytes), byteCount: bytes.count)
    }

    /// The samples, the May minutes approved by two members.
    static func samplesArchive() throws -> Archive {
        var meetings = try sampleMeetings()
        for index in meetings.indices where meetings[index].id.path == "beskaeftigelses-og-integrationsudvalget/2026-05-04" {
            meetings[index].stage = .approved
            meetings[index].approvals = [
                Approval(name: "Karen Holst", at: "2026-05-11T09:30:00Z", sha256: String(repeating: "a", count: 64)),
                Approval(name: "Peter Damgaard", at: "2026-05-12T14:05:00Z", sha256: String(repeating: "a", count: 64)),
            ]
        }
        return try archive(of: meetings)
    }
}
