import AgendaRender
import AgendaSemantics
import Foundation


/// A meeting's page: the public minutes in the house style, then the files
/// (public PDF, data, published attachments) with their SHA-256, the status
/// with the members' approvals, the revisions, and links to each case's history.
struct MeetingPage {
    let meeting: ArchivedMeeting
    let style: HouseStyle
    let copies: [FileCopy]

    var path: String { SitePaths.meeting(meeting.id) }

    /// Where each public file of a meeting is copied in its folder: attachments
    /// in `bilag/`, the rest by their own names.
    static func copies(of meeting: ArchivedMeeting) -> [FileCopy] {
        let folder = SitePaths.meetingFolder(meeting.id)
        var used = Set<String>()
        var result: [FileCopy] = []
        for file in meeting.publicFiles {
            let name = safeName(lastComponent(file.path))
            let target = file.kind == .attachment ? "bilag/" + name : name
            var candidate = target
            var counter = 2
            while used.contains(candidate) {
                candidate = file.kind == .attachment ? "bilag/\(counter)-" + name : "\(counter)-" + name
                counter += 1
            }
            used.insert(candidate)
            result.append(FileCopy(file: file, path: folder + "/" + candidate))
        }
        return result
    }

    /// The public minutes with each published attachment linked to its copy
    /// beside the page: the store names it by its archive path, an agenda by
    /// the path it wrote; a file the archive does not have loses its link.
    func linkedMeeting() -> Meeting {
        let folder = SitePaths.meetingFolder(meeting.id) + "/"
        var byPath: [String: String] = [:], byName: [String: String] = [:]
        for copy in copies where copy.file.kind == .attachment {
            let local = String(copy.path.dropFirst(folder.count))
            byPath[copy.file.path] = local
            byName[Self.lastComponent(copy.file.path)] = byName[Self.lastComponent(copy.file.path)] ?? local
        }
        var result = meeting.publicMeeting
        for itemIndex in result.items.indices {
            for sectionIndex in result.items[itemIndex].sections.indices {
                guard case .attachments(var attachments) = result.items[itemIndex].sections[sectionIndex].content else { continue }
                for index in attachments.indices {
                    guard let written = attachments[index].file?.value.trimmingCharacters(in: .whitespaces) else { continue }
                    if let local = byPath[written] ?? byName[Self.lastComponent(written)] {
                        attachments[index].file?.value = local
                    } else {
                        attachments[index].file = nil
                    }
                }
                result.items[itemIndex].sections[sectionIndex].content = .attachments(attachments)
            }
        }
        return result
    }

    func render(municipality: String?) -> String {
        let parts = AgendaRenderer.htmlParts(linkedMeeting(), style: style)
        var body = parts.content
        body += documentsSection()
        body += statusSection()
        body += revisionsSection()
        body += casesSection(anchors: parts.itemAnchors)
        let year = SitePaths.year(committeeSlug: meeting.id.committeeSlug, year: meeting.date.year)
        let title = "\(parts.title): \(meeting.committee), \(meeting.date.danishText)"
        return SiteHTML.page(path: path, title: title,
                             crumbs: [(SitePhrases.frontPage, SitePaths.index), (SitePhrases.yearHeading(meeting.committee, meeting.date.year), year)],
                             body: body, municipality: municipality)
    }

    func documentsSection() -> String {
        guard !copies.isEmpty else { return "" }
        var out = "<section class=\"site-section documents\" aria-labelledby=\"dokumenter\">\n<h2 id=\"dokumenter\">\(SiteHTML.escape(SitePhrases.documents))</h2>\n<ul>\n"
        for copy in copies {
            let label: String
            switch copy.file.kind {
            case .publicPDF: label = meeting.stage == .agenda ? SitePhrases.publicAgendaPDF : SitePhrases.publicPDF
            case .publicHTML: label = SitePhrases.publicHTML
            case .publicJSON: label = SitePhrases.publicJSON
            default: label = SitePhrases.attachment + ": " + Self.lastComponent(copy.file.path)
            }
            let link = String(copy.path.dropFirst(SitePaths.meetingFolder(meeting.id).utf8.count + 1))
            out += "<li><a href=\"\(SiteHTML.escape(link))\">\(SiteHTML.escape(label))</a> <span class=\"size\">(\(Self.size(copy.file.byteCount)))</span>"
            out += "<br><span class=\"checksum\">\(SitePhrases.checksum) <code>\(SiteHTML.escape(copy.file.sha256))</code></span></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    func statusSection() -> String {
        var out = "<section class=\"site-section status\" aria-labelledby=\"status\">\n<h2 id=\"status\">\(SiteHTML.escape(SitePhrases.status))</h2>\n"
        out += "<p class=\"stage \(meeting.stage.rawValue)\">\(SiteHTML.escape(SitePhrases.stage(meeting.stage)))</p>\n"
        if !meeting.approvals.isEmpty {
            out += "<h3>\(SiteHTML.escape(SitePhrases.approvals))</h3>\n<ul class=\"approvals\">\n"
            for approval in meeting.approvals {
                out += "<li>\(SiteHTML.escape(SitePhrases.approval(approval.name, at: approval.at))) \(SiteHTML.escape(SitePhrases.approvedText)) <code>\(SiteHTML.escape(approval.sha256))</code></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    func revisionsSection() -> String {
        guard !meeting.revisions.isEmpty else { return "" }
        var out = "<section class=\"site-section revisions\" aria-labelledby=\"revisioner\">\n<h2 id=\"revisioner\">\(SiteHTML.escape(SitePhrases.revisions))</h2>\n"
        out += "<p>\(SiteHTML.escape(SitePhrases.revisionNow(meeting.revision)))</p>\n<ol class=\"revisions\">\n"
        for revision in meeting.revisions.sorted(by: { $0.number < $1.number }) {
            out += "<li><strong>\(SiteHTML.escape(SitePhrases.revision(revision.number, at: revision.at)))</strong>"
            if !revision.reason.isEmpty { out += " \(SiteHTML.escape(SitePhrases.revisionReason)) \(SiteHTML.escape(revision.reason))" }
            out += "<br><span class=\"checksum\">\(SitePhrases.checksum) <code>\(SiteHTML.escape(revision.sha256))</code></span></li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    func casesSection(anchors: [String]) -> String {
        let items = meeting.publicMeeting.items
        let cases = items.indices.compactMap { index -> (Int, String, String)? in
            guard let number = items[index].caseNumber?.value else { return nil }
            return (items[index].number, number, index < anchors.count ? anchors[index] : "punkt-\(items[index].number)")
        }
        guard !cases.isEmpty else { return "" }
        var out = "<section class=\"site-section cases\" aria-labelledby=\"sager\">\n<h2 id=\"sager\">\(SiteHTML.escape(SitePhrases.casesOfMeeting))</h2>\n<ul>\n"
        for (item, number, anchor) in cases {
            let link = SitePaths.link(from: path, to: SitePaths.casePage(CaseIndex.key(number)))
            out += "<li><a href=\"#\(SiteHTML.escape(anchor))\">\(SiteHTML.escape(SitePhrases.itemLabel(item).capitalizedFirst))</a>: "
            out += "<a href=\"\(SiteHTML.escape(link))\">\(SiteHTML.escape(SitePhrases.caseHistory)) for \(SiteHTML.escape(number))</a></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) kB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10),\(tenths % 10) MB"
    }

    static func lastComponent(_ path: String) -> String {
        String(path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "fil")
    }

    /// Letters, digits, `.`, `-`, `_` only; never `.` or `..`.
    static func safeName(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            out.unicodeScalars.append(allowed ? scalar : "_")
        }
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "fil" : out
    }
}

/// A public file of the archive copied into the site.
struct FileCopy {
    let file: ArchivedFile
    let path: String
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
