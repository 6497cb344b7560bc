import AgendaBase
import AgendaRender
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The files of one version of a meeting, made in memory before anything is
/// written: the source as written, the effective style, the full outputs
/// (`internal/`) and the public ones (`public/`) with the attachments that may
/// be published. Attachments are taken from the public model only, so a file
/// of a closed item or one marked not public is never copied.
struct VersionFiles {
    struct File {
        var kind: ArchivedFile.Kind
        /// Relative to the archive root.
        var path: String
        var bytes: [UInt8]

        var archived: ArchivedFile { ArchivedFile(kind: kind, path: path, sha256: SHA256Text.of(bytes), byteCount: bytes.count) }
    }

    var files: [File]
    /// The public model with attachment files named by their archive path.
    var publicMeeting: Meeting

    static let internalFolder = "internal"
    static let publicFolder = "public"
    static let attachmentFolder = "bilag"
    static let outputName = "meeting"

    /// Renders every file of a version. `agendaFile` resolves attachment paths as the compiler does (relative to the agenda).
    static func make(meeting: Meeting, source: [UInt8], style: HouseStyle, agendaFile: URL,
                     folder: String) throws(ArchiveError) -> VersionFiles {
        var files = [File(kind: .source, path: folder + "/" + ArchiveLayout.sourceName, bytes: source),
                     File(kind: .style, path: folder + "/" + ArchiveLayout.styleName,
                          bytes: Array(StyleFile.effectiveJSON(style).prettyPrinted().utf8))]
        let published = AgendaRenderer.publicVersion(of: meeting, style: style)
        let plan = AttachmentPlan(publicMeeting: published, folder: folder)
        for copy in plan.copies {
            let url = copy.written.hasPrefix("/") ? URL(fileURLWithPath: copy.written)
                : agendaFile.deletingLastPathComponent().appendingPathComponent(copy.written)
            guard let data = FileManager.default.contents(atPath: url.standardizedFileURL.path) else {
                throw ArchiveError("the attachment \(copy.written) (item \(copy.itemNumber)) cannot be read at \(url.standardizedFileURL.path); add the file or correct `fil:`")
            }
            files.append(File(kind: .attachment, path: copy.archivePath, bytes: Array(data)))
        }
        let full = plan.rewrite(meeting)
        let shown = plan.rewrite(published)
        let links = AttachmentLinks(base: ArchiveLayout.rootFromOutputFolder)
        let internalOptions = RenderOptions(publicVersion: false, attachmentLinks: links, style: style, archival: true)
        // the public files are made as `compile --public` makes them: from the full model, withheld by the renderers
        let publicOptions = RenderOptions(publicVersion: true, attachmentLinks: links, style: style, archival: true)
        for (subfolder, model, options, kinds) in [(internalFolder, full, internalOptions, [ArchivedFile.Kind.json, .html, .pdf]),
                                                   (publicFolder, full, publicOptions, [.publicJSON, .publicHTML, .publicPDF])] {
            let base = folder + "/" + subfolder + "/" + outputName
            files.append(File(kind: kinds[0], path: base + ".json", bytes: Array(AgendaRenderer.render(model, as: .json, options: options).utf8)))
            files.append(File(kind: kinds[1], path: base + ".html", bytes: Array(AgendaRenderer.render(model, as: .html, options: options).utf8)))
            files.append(File(kind: kinds[2], path: base + ".pdf", bytes: try archivalPDF(model, options: options)))
        }
        return VersionFiles(files: files, publicMeeting: shown)
    }

    /// The PDF as PDF/A-2a and PDF/UA-1 (`options.archival`).
    static func archivalPDF(_ meeting: Meeting, options: RenderOptions) throws(ArchiveError) -> [UInt8] {
        do {
            return try PDFRenderer.render(meeting, options: options)
        } catch {
            throw ArchiveError("the PDF could not be written: \(error)")
        }
    }
}

/// Which attachment files a version publishes and under what names: each
/// public attachment of the public model, as `public/bilag/<item>-<name>`
/// (names made path-safe, a number added when two would clash).
struct AttachmentPlan {
    struct Copy {
        var itemNumber: Int
        /// The path as the agenda wrote it.
        var written: String
        /// Relative to the archive root.
        var archivePath: String
    }

    private(set) var copies: [Copy] = []
    /// Item index → attachment index in written order → archive path.
    private var renamed: [Int: [String: String]] = [:]

    init(publicMeeting: Meeting, folder: String) {
        var used: Set<String> = []
        for (itemIndex, item) in publicMeeting.items.enumerated() {
            for attachment in item.attachments where attachment.isPublic {
                guard let written = attachment.file?.value.trimmingCharacters(in: .whitespaces), !written.isEmpty else { continue }
                if renamed[itemIndex]?[written] != nil { continue }
                let name = AttachmentPlan.safeName(written)
                var candidate = "\(item.number)-\(name)"
                var counter = 2
                while used.contains(candidate) {
                    candidate = "\(item.number)-\(counter)-\(name)"
                    counter += 1
                }
                used.insert(candidate)
                let path = folder + "/" + VersionFiles.publicFolder + "/" + VersionFiles.attachmentFolder + "/" + candidate
                renamed[itemIndex, default: [:]][written] = path
                copies.append(Copy(itemNumber: item.number, written: written, archivePath: path))
            }
        }
    }

    /// The meeting with each published attachment's file named by its archive path.
    /// Items are matched by position: the public model keeps every item in place.
    func rewrite(_ meeting: Meeting) -> Meeting {
        var result = meeting
        for itemIndex in result.items.indices {
            guard let names = renamed[itemIndex] else { continue }
            for sectionIndex in result.items[itemIndex].sections.indices {
                guard case .attachments(var attachments) = result.items[itemIndex].sections[sectionIndex].content else { continue }
                for index in attachments.indices where attachments[index].isPublic {
                    guard let file = attachments[index].file,
                          let path = names[file.value.trimmingCharacters(in: .whitespaces)] else { continue }
                    attachments[index].file = Located(path, file.range)
                }
                result.items[itemIndex].sections[sectionIndex].content = .attachments(attachments)
            }
        }
        return result
    }

    /// The file's last path component with only letters, digits, `.`, `-` and `_` (Danish letters spelt out).
    static func safeName(_ written: String) -> String {
        let last = written.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "bilag"
        var stem = last, suffix = ""
        if let dot = last.lastIndex(of: "."), dot != last.startIndex {
            stem = String(last[..<dot])
            suffix = Slug.make(String(last[last.index(after: dot)...]))
        }
        let name = Slug.make(stem)
        return suffix.isEmpty || suffix == "udvalg" ? name : name + "." + suffix
    }
}
