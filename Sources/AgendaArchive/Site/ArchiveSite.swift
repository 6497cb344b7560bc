import AgendaBase
import AgendaRender
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// `agendac archive site DIR`: the archive as a static public website that
/// works from any web server, a CDN or the local disk (relative links only;
/// the search index is loaded as scripts, not fetched). Pages: the front page
/// by committee and year, a page per year of a committee, per meeting, per
/// case, and the search page. Built from the snapshot's public models only.
public enum ArchiveSite {
    public struct BuildError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// What a build did: files written (changed or new), left as they were, removed.
    public struct Report: Sendable {
        public var written: [String] = []
        public var unchanged = 0
        public var removed: [String] = []
        public var fileCount = 0
        public var byteCount = 0
        /// Generated files whose text was made; a meeting page whose inputs'
        /// fingerprint matches the last build's is neither made nor written.
        public var rendered = 0
    }

    /// Every file of the site for a snapshot, in a fixed order: (path, text) for
    /// generated files, the archive's file for copies.
    static func plan(_ snapshot: ArchiveSnapshot, style: HouseStyle = .standard, searchLayout: SearchLayout = SearchLayout()) -> [SiteFile] {
        let municipality = snapshot.municipality ?? snapshot.meetings.lazy.compactMap { $0.publicMeeting.municipality?.value }.last
        var files: [SiteFile] = []
        let index = IndexPages(snapshot)
        files.append(SiteFile(path: SitePaths.index) { index.front(municipality: municipality) })
        for year in index.years().sorted(by: { $0.path < $1.path }) {
            files.append(SiteFile(path: year.path) { year.render(municipality: municipality) })
        }
        let context = SiteFingerprint.context(style: style, municipality: municipality)
        for meeting in snapshot.meetings {
            // the current version, then each earlier revision of the minutes on a page of its own
            let pages = [MeetingPage(meeting: meeting, style: style)]
                + MeetingPage.earlierRevisions(of: meeting).map { MeetingPage(meeting: meeting, style: style, earlier: $0) }
            let fingerprint = SiteFingerprint.meeting(meeting, context: context)
            for page in pages {
                files.append(SiteFile(path: page.path, fingerprint: fingerprint) { page.render(municipality: municipality) })
                files += page.copies.map { SiteFile(path: $0.path, copy: $0.file) }
            }
        }
        let cases = snapshot.caseIndex()
        for key in cases.treatmentsByCase.keys.sorted() {
            let page = CasePage(key: key, treatments: cases.treatmentsByCase[key] ?? [])
            files.append(SiteFile(path: page.path) { page.render(municipality: municipality) })
        }
        files.append(SiteFile(path: SitePaths.search) { SearchPage.render(municipality: municipality) })
        files += SiteSearchData(snapshot, layout: searchLayout).files()
        files.append(SiteFile(path: SitePaths.minutesStylesheet) { AgendaRenderer.htmlStylesheet(style) })
        files.append(SiteFile(path: SitePaths.siteStylesheet) { SiteStylesheet.css })
        files.append(SiteFile(path: SitePaths.danishScript) { SiteScripts.danish })
        files.append(SiteFile(path: SitePaths.searchScript) { SiteScripts.search })
        return files
    }

    /// Builds or updates the site in `folder`: only files whose contents changed
    /// are written (atomically), files of meetings gone are removed. `readFile`
    /// gives the bytes of an archived public file (PDF, attachments); they are
    /// checked against their SHA-256 before they are published.
    public static func build(_ snapshot: ArchiveSnapshot, into folder: URL, style: HouseStyle = .standard,
                             readFile: @escaping (ArchivedFile) throws -> [UInt8]) throws(BuildError) -> Report {
        try SiteWriter(folder: folder, readFile: readFile).write(plan(snapshot, style: style))
    }
}

/// One file of the site, by its path from the root. Text is made when the
/// writer comes to it, so a large site is never held in memory at once.
struct SiteFile {
    enum Content {
        case text(() -> String)
        case copy(ArchivedFile)
    }
    let path: String
    let content: Content
    /// What the text is made from, hashed (`SiteFingerprint`): when the last
    /// build recorded the same, the text is not made again. Nil: always made.
    let fingerprint: String?

    init(path: String, fingerprint: String? = nil, text: @escaping () -> String) {
        self.path = path
        self.fingerprint = fingerprint
        content = .text(text)
    }

    init(path: String, copy file: ArchivedFile) {
        self.path = path
        fingerprint = nil
        content = .copy(file)
    }
}
