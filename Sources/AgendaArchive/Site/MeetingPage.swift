import AgendaRender
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif


/// A meeting's page: the public minutes in the house style, then the files
/// (public PDF, data, published attachments) with their SHA-256, the status
/// with the members' approvals, the revisions, and links to each case's history.
/// An earlier revision of approved minutes has a page of its own in the same
/// shape (`r1/index.html` beside the current page), marked as replaced, with
/// its own files and approvals; the revision lists link the two both ways.
struct MeetingPage {
    let meeting: ArchivedMeeting
    let style: HouseStyle
    /// The earlier revision this page shows; nil for the current version.
    let earlier: KeptVersion?
    let copies: [FileCopy]

    init(meeting: ArchivedMeeting, style: HouseStyle, earlier: KeptVersion? = nil) {
        self.meeting = meeting
        self.style = style
        self.earlier = earlier
        copies = Self.copies(of: earlier?.publicFiles ?? meeting.publicFiles, into: Self.folder(meeting.id, earlier))
    }

    static func folder(_ id: MeetingID, _ earlier: KeptVersion?) -> String {
        earlier.map { SitePaths.versionFolder(id, $0.name) } ?? SitePaths.meetingFolder(id)
    }

    var folder: String { Self.folder(meeting.id, earlier) }
    var path: String { folder + "/index.html" }
    /// The public minutes this page shows.
    var shown: Meeting { earlier?.publicMeeting ?? meeting.publicMeeting }
    var revisionShown: Int { earlier?.revision ?? meeting.revision }

    /// The earlier revisions that get a page: minutes (not a superseded agenda) with a public model.
    static func earlierRevisions(of meeting: ArchivedMeeting) -> [KeptVersion] {
        meeting.earlierVersions.filter { $0.revision != nil && $0.publicMeeting != nil }
    }

    /// Where each public file of a version is copied in its folder: attachments
    /// in `bilag/`, the rest by their own names.
    static func copies(of files: [ArchivedFile], into folder: String) -> [FileCopy] {
        var used = Set<String>()
        var result: [FileCopy] = []
        for file in files {
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
        let folder = self.folder + "/"
        var byPath: [String: String] = [:], byName: [String: String] = [:]
        for copy in copies where copy.file.kind == .attachment {
            let local = String(copy.path.dropFirst(folder.count))
            byPath[copy.file.path] = local
            byName[Self.lastComponent(copy.file.path)] = byName[Self.lastComponent(copy.file.path)] ?? local
        }
        var result = shown
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
        var body = supersededNotice()
        body += parts.content
        body += documentsSection()
        body += statusSection()
        body += revisionsSection()
        body += casesSection(anchors: parts.itemAnchors)
        let year = SitePaths.year(committeeSlug: meeting.id.committeeSlug, year: meeting.date.year)
        var title = "\(parts.title): \(meeting.committee), \(meeting.date.danishText)"
        var crumbs = [(SitePhrases.frontPage, SitePaths.index), (SitePhrases.yearHeading(meeting.committee, meeting.date.year), year)]
        if let number = earlier?.revision {
            title = SitePhrases.earlierVersionTitle(number) + " · " + title
            crumbs.append((SitePhrases.meetingCrumb(meeting.date.danishText), SitePaths.meeting(meeting.id)))
        }
        return SiteHTML.page(path: path, title: title, crumbs: crumbs, body: body, municipality: municipality)
    }

    /// One line per revision of the minutes, oldest first: when, why, its SHA-256, and where its page is.
    struct RevisionLine {
        var number: Int
        var at: String?
        var reason: String
        var sha256: String?
        /// Its page: the current one (`.current`), an earlier revision's by its folder name, or none kept.
        var page: VersionPage?
    }

    enum VersionPage: Equatable {
        case current
        case earlier(String)
    }

    /// The link from this page to another version's: both sit in the meeting's folder or one below it.
    func link(to page: VersionPage) -> String {
        let up = earlier == nil ? "" : "../"
        switch page {
        case .current: return up + "index.html"
        case .earlier(let name): return up + name + "/index.html"
        }
    }

    func revisionLines() -> [RevisionLine] {
        let pages = Self.earlierRevisions(of: meeting)
        // the numbers the archive knows of (never a count up to a number read from a file)
        let numbers = Set(meeting.revisions.map(\.number) + meeting.earlierVersions.compactMap(\.revision) + [meeting.revision])
        return numbers.sorted().map { number in
            let revision = meeting.revisions.first { $0.number == number }
            let kept = meeting.earlierVersions.first { $0.revision == number }
            let page: VersionPage? = number == meeting.revision ? .current
                : pages.first { $0.revision == number }.map { .earlier($0.name) }
            return RevisionLine(number: number, at: revision?.at ?? kept?.addedAt, reason: revision?.reason ?? "",
                                sha256: revision?.sha256 ?? kept?.sha256, page: page)
        }
    }

    /// On an earlier revision's page: which revision replaced it, when and why, and the way to the current one.
    func supersededNotice() -> String {
        guard let number = earlier?.revision else { return "" }
        let next = revisionLines().first { $0.number > number }
        let date = next?.at.flatMap { CalendarDate.iso(String($0.prefix(10)))?.danishText } ?? next?.at
        let text = SitePhrases.superseded(number, by: next?.number ?? meeting.revision, on: date, because: next?.reason ?? "")
        let current = link(to: .current)
        return "<div class=\"superseded\" role=\"note\">\n<p><strong>\(SiteHTML.escape(text))</strong></p>\n"
            + "<p><a href=\"\(SiteHTML.escape(current))\">\(SiteHTML.escape(SitePhrases.currentVersion(meeting.revision)))</a></p>\n</div>\n"
    }

    func documentsSection() -> String {
        guard !copies.isEmpty else { return "" }
        var out = "<section class=\"site-section documents\" aria-labelledby=\"dokumenter\">\n<h2 id=\"dokumenter\">\(SiteHTML.escape(SitePhrases.documents))</h2>\n<ul>\n"
        for copy in copies {
            let label: String
            switch copy.file.kind {
            case .publicPDF: label = (earlier?.stage ?? meeting.stage) == .agenda ? SitePhrases.publicAgendaPDF : SitePhrases.publicPDF
            case .publicHTML: label = SitePhrases.publicHTML
            case .publicJSON: label = SitePhrases.publicJSON
            default: label = SitePhrases.attachment + ": " + Self.lastComponent(copy.file.path)
            }
            let link = String(copy.path.dropFirst(folder.utf8.count + 1))
            out += "<li><a href=\"\(SiteHTML.escape(link))\">\(SiteHTML.escape(label))</a> <span class=\"size\">(\(Self.size(copy.file.byteCount)))</span>"
            out += "<br><span class=\"checksum\">\(SitePhrases.checksum) <code>\(SiteHTML.escape(copy.file.sha256))</code></span></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    func statusSection() -> String {
        let stage = earlier?.stage ?? meeting.stage
        // an earlier version's approvals of exactly its own text
        let approvals = earlier.map { version in version.approvals.filter { $0.sha256 == version.sha256 } } ?? meeting.approvals
        var out = "<section class=\"site-section status\" aria-labelledby=\"status\">\n<h2 id=\"status\">\(SiteHTML.escape(SitePhrases.status))</h2>\n"
        out += "<p class=\"stage \(stage.rawValue)\">\(SiteHTML.escape(SitePhrases.stage(stage)))</p>\n"
        if !approvals.isEmpty {
            out += "<h3>\(SiteHTML.escape(SitePhrases.approvals))</h3>\n<ul class=\"approvals\">\n"
            for approval in approvals {
                out += "<li>\(SiteHTML.escape(SitePhrases.approval(approval.name, at: approval.at))) \(SiteHTML.escape(SitePhrases.approvedText)) <code>\(SiteHTML.escape(approval.sha256))</code></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    func revisionsSection() -> String {
        let lines = revisionLines()
        guard lines.count > 1 || !meeting.revisions.isEmpty else { return "" }
        var out = "<section class=\"site-section revisions\" aria-labelledby=\"revisioner\">\n<h2 id=\"revisioner\">\(SiteHTML.escape(SitePhrases.revisions))</h2>\n"
        out += "<p>\(SiteHTML.escape(SitePhrases.revisionNow(revisionShown)))</p>\n<ol class=\"revisions\">\n"
        for line in lines {
            let heading = line.at.map { SitePhrases.revision(line.number, at: $0) } ?? SitePhrases.revision(line.number)
            out += "<li><strong>\(SiteHTML.escape(heading))</strong>"
            if !line.reason.isEmpty { out += " \(SiteHTML.escape(SitePhrases.revisionReason)) \(SiteHTML.escape(line.reason))" }
            if line.number == revisionShown {
                out += " \(SiteHTML.escape(SitePhrases.thisPage))"
            } else if let page = line.page {
                out += " <a href=\"\(SiteHTML.escape(link(to: page)))\">\(SiteHTML.escape(SitePhrases.revisionLink(line.number)))</a>"
            }
            if let sha = line.sha256 { out += "<br><span class=\"checksum\">\(SitePhrases.checksum) <code>\(SiteHTML.escape(sha))</code></span>" }
            out += "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    func casesSection(anchors: [String]) -> String {
        let items = shown.items
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
