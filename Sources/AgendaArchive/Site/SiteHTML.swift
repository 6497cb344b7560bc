import AgendaRender

/// Escaping and the frame every page of the site shares: language, landmarks
/// (banner, navigation, main, contentinfo), a skip link, and links relative to
/// the page so the site works from any folder, a web server or the local disk.
enum SiteHTML {
    /// The renderer's escaping, so a page and the minutes in it escape alike.
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// A page: `path` is where it is written (to find the way back to the root),
    /// `crumbs` the trail above it (title and path from the root), `body` what goes in `<main>`.
    static func page(path: String, title: String, crumbs: [(String, String)], stylesheets: [String] = [], scripts: [String] = [],
                     body: String, municipality: String?) -> String {
        let root = SitePaths.root(from: path)
        let siteTitle = [municipality, SitePhrases.siteName].compactMap { $0 }.joined(separator: " · ")
        var out = "<!doctype html>\n<html lang=\"da\" data-root=\"\(escape(root))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(title)) · \(escape(siteTitle))</title>\n"
        for sheet in [SitePaths.minutesStylesheet] + stylesheets + [SitePaths.siteStylesheet] {
            out += "<link rel=\"stylesheet\" href=\"\(escape(root + sheet))\">\n"
        }
        for script in scripts { out += "<script src=\"\(escape(root + script))\" defer></script>\n" }
        out += "</head>\n<body>\n"
        out += "<a class=\"skip-link\" href=\"#indhold\">\(escape(SitePhrases.skipLink))</a>\n"
        out += "<header class=\"site\">\n<p class=\"site-name\"><a href=\"\(escape(root + SitePaths.index))\">\(escape(siteTitle))</a></p>\n"
        out += "<nav class=\"site-nav\" aria-label=\"\(escape(SitePhrases.mainNavigation))\">\n<ul>\n"
        out += "<li><a href=\"\(escape(root + SitePaths.index))\"\(path == SitePaths.index ? " aria-current=\"page\"" : "")>\(escape(SitePhrases.frontPage))</a></li>\n"
        out += "<li><a href=\"\(escape(root + SitePaths.search))\"\(path == SitePaths.search ? " aria-current=\"page\"" : "")>\(escape(SitePhrases.search))</a></li>\n"
        out += "</ul>\n</nav>\n</header>\n"
        if !crumbs.isEmpty {
            out += "<nav class=\"crumbs\" aria-label=\"\(escape(SitePhrases.breadcrumbs))\">\n<ol>\n"
            for (label, target) in crumbs { out += "<li><a href=\"\(escape(root + target))\">\(escape(label))</a></li>\n" }
            out += "<li aria-current=\"page\">\(escape(title))</li>\n</ol>\n</nav>\n"
        }
        out += "<main id=\"indhold\" tabindex=\"-1\">\n" + body + "</main>\n"
        out += "<footer class=\"site\">\n<p>\(escape(SitePhrases.footer))</p>\n</footer>\n</body>\n</html>\n"
        return out
    }
}
