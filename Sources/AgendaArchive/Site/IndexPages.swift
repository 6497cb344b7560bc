import AgendaSemantics

/// The way in by committee and year: the front page lists each committee with
/// its years, and a year's page lists that committee's meetings.
struct IndexPages {
    struct Committee {
        var name: String
        var slug: String
        /// year → meetings, oldest first
        var years: [Int: [ArchivedMeeting]] = [:]
    }

    let committees: [Committee]

    init(_ snapshot: ArchiveSnapshot) {
        var bySlug: [String: Committee] = [:]
        for meeting in snapshot.meetings {
            let slug = meeting.id.committeeSlug
            bySlug[slug, default: Committee(name: meeting.committee, slug: slug)].years[meeting.date.year, default: []].append(meeting)
            // the latest spelling of the name is the one shown
            bySlug[slug]?.name = meeting.committee
        }
        committees = bySlug.values.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
    }

    func front(municipality: String?) -> String {
        var body = "<h1>\(SiteHTML.escape([municipality, SitePhrases.siteName].compactMap { $0 }.joined(separator: " · ")))</h1>\n"
        body += searchForm(path: SitePaths.index)
        body += "<h2>\(SiteHTML.escape(SitePhrases.committees))</h2>\n"
        if committees.isEmpty { body += "<p>\(SiteHTML.escape(SitePhrases.noMeetings))</p>\n" }
        for committee in committees {
            body += "<section class=\"committee\" aria-labelledby=\"udvalg-\(committee.slug)\">\n"
            body += "<h3 id=\"udvalg-\(committee.slug)\">\(SiteHTML.escape(committee.name))</h3>\n<ul class=\"years\">\n"
            for year in committee.years.keys.sorted(by: >) {
                let count = committee.years[year]?.count ?? 0
                body += "<li><a href=\"\(SiteHTML.escape(SitePaths.year(committeeSlug: committee.slug, year: year)))\">\(year)</a> "
                body += "<span class=\"count\">(\(SiteHTML.escape(SitePhrases.meetingCount(count))))</span></li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        return SiteHTML.page(path: SitePaths.index, title: SitePhrases.frontPage, crumbs: [], body: body, municipality: municipality)
    }

    /// Every committee's year pages.
    func years() -> [YearPage] {
        committees.flatMap { committee in
            committee.years.keys.map { YearPage(committee: committee, year: $0) }
        }
    }
}

/// One committee's meetings in one year, newest first, with links to its other years.
struct YearPage {
    let committee: IndexPages.Committee
    let year: Int

    var path: String { SitePaths.year(committeeSlug: committee.slug, year: year) }

    func render(municipality: String?) -> String {
        let meetings = committee.years[year] ?? []
        var body = "<h1>\(SiteHTML.escape(SitePhrases.yearHeading(committee.name, year)))</h1>\n"
        let others = committee.years.keys.sorted(by: >).filter { $0 != year }
        if !others.isEmpty {
            body += "<nav class=\"other-years\" aria-label=\"\(SiteHTML.escape(committee.name)): andre år\">\n<ul>\n"
            for other in others {
                body += "<li><a href=\"\(SiteHTML.escape(SitePaths.link(from: path, to: SitePaths.year(committeeSlug: committee.slug, year: other))))\">\(other)</a></li>\n"
            }
            body += "</ul>\n</nav>\n"
        }
        body += "<h2>\(SiteHTML.escape(SitePhrases.meetings))</h2>\n<ul class=\"meetings\">\n"
        for meeting in meetings.reversed() {
            let link = SitePaths.link(from: path, to: SitePaths.meeting(meeting.id))
            var label = meeting.date.danishWeekday.capitalizedFirst + " " + meeting.date.danishText
            if let time = meeting.time { label += " kl. " + MeetingTime.twoDigits(time.startHour) + "." + MeetingTime.twoDigits(time.startMinute) }
            body += "<li><a href=\"\(SiteHTML.escape(link))\">\(SiteHTML.escape(label))</a> "
            body += "<span class=\"count\">(\(SiteHTML.escape(SitePhrases.stageShort(meeting.stage))), \(SiteHTML.escape(SitePhrases.itemCount(meeting.publicMeeting.items.count))))</span></li>\n"
        }
        body += "</ul>\n"
        return SiteHTML.page(path: path, title: SitePhrases.yearHeading(committee.name, year),
                             crumbs: [(SitePhrases.frontPage, SitePaths.index)], body: body, municipality: municipality)
    }
}

/// The search form; on the search page it is the page's own, elsewhere it leads there.
func searchForm(path: String) -> String {
    let onSearchPage = path == SitePaths.search
    let action = SiteHTML.escape(SitePaths.link(from: path, to: SitePaths.search))
    var out = "<form id=\"\(onSearchPage ? "soegeformular" : "hurtigsoeg")\" class=\"search-form\" action=\"\(action)\" method=\"get\" role=\"search\">\n"
    let field = onSearchPage ? "soegefelt" : "hurtigsoegefelt"
    out += "<label for=\"\(field)\">\(SiteHTML.escape(SitePhrases.searchLabel))</label>\n"
    out += "<div class=\"search-row\"><input type=\"search\" id=\"\(field)\" name=\"q\" spellcheck=\"false\">"
    out += "<button type=\"submit\">\(SiteHTML.escape(SitePhrases.searchButton))</button></div>\n</form>\n"
    return out
}
