/// The search page: a labelled field, a status line that screen readers
/// announce (`role="status"`), and the hits; `soeg.js` does the searching.
enum SearchPage {
    static func render(municipality: String?) -> String {
        var body = "<h1>\(SiteHTML.escape(SitePhrases.searchHeading))</h1>\n"
        body += "<p>\(SiteHTML.escape(SitePhrases.searchHelp))</p>\n"
        body += searchForm(path: SitePaths.search)
        body += "<noscript><p>\(SiteHTML.escape(SitePhrases.searchNeedsScript))</p></noscript>\n"
        body += "<p id=\"soegestatus\" class=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n"
        body += "<ol id=\"resultater\" class=\"results\"></ol>\n"
        return SiteHTML.page(path: SitePaths.search, title: SitePhrases.searchHeading, crumbs: [(SitePhrases.frontPage, SitePaths.index)],
                             scripts: [SitePaths.danishScript, SitePaths.searchScript], body: body, municipality: municipality)
    }
}
