/// The site's own sheet, over the house style's sheet of the minutes: the
/// banner, navigation, search and focus. Colours meet WCAG AA contrast (at
/// least 4.5:1 for text); focus is always visible.
enum SiteStylesheet {
    static let css = """
        .skip-link { position: absolute; left: -9999px; top: 0; background: #fff; color: #0b3d91; padding: 0.5rem 1rem; z-index: 10; }
        .skip-link:focus { left: 1rem; top: 1rem; }
        :focus-visible { outline: 3px solid #0b3d91; outline-offset: 2px; }
        main:focus { outline: none; }
        header.site { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; padding-bottom: 0.5rem; display: flex; flex-wrap: wrap;
          justify-content: space-between; align-items: baseline; gap: 0.5rem 1.5rem;
          font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        header.site .site-name { margin: 0; font-weight: 700; }
        header.site .site-name a { color: var(--ink); text-decoration: none; }
        .site-nav ul, nav.crumbs ol, nav.other-years ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
        .site-nav a[aria-current="page"] { font-weight: 700; }
        nav.crumbs { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 0.9rem; margin: 0 0 1rem; }
        nav.crumbs li + li::before { content: "›"; margin-right: 1rem; color: #555; }
        nav.other-years { margin: 0 0 1rem; }
        .count, .size, .hit-facts, .checksum { color: #555; }
        .checksum { font-size: 0.85rem; overflow-wrap: anywhere; }
        .checksum code, .approvals code { font-size: 0.85em; overflow-wrap: anywhere; }
        section.site-section { border-top: 2px solid var(--ink); margin-top: 2.5rem; }
        ul.years, ul.meetings { padding-left: 1.25rem; }
        .search-form { margin: 1rem 0 1.5rem; font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        .search-form label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
        .search-row { display: flex; gap: 0.5rem; }
        .search-row input { flex: 1; font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #555; border-radius: 3px; min-width: 0; }
        .search-row button { font: inherit; padding: 0.4rem 1rem; border: 1px solid #0b3d91; background: #0b3d91; color: #fff; border-radius: 3px; cursor: pointer; }
        .search-status { font-weight: 600; min-height: 1.5em; }
        ol.results { list-style: none; padding: 0; }
        ol.results li.hit { border-top: 1px solid #999; padding: 0.75rem 0; }
        ol.results h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
        .hit-facts { margin: 0 0 0.25rem; font-size: 0.9rem; font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        mark { background: #fff3a8; color: inherit; padding: 0 0.1em; }
        ol.case-history { padding-left: 0; list-style: none; }
        article.treatment { border-top: 1px solid #999; padding-top: 0.5rem; }
        article.treatment h3 { margin-top: 0.5rem; }
        .superseded { border: 2px solid #8a1c1c; background: #fdf0ef; color: #1a1a1a; padding: 0.5rem 1rem; margin: 0 0 1.5rem;
          font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        .superseded p { margin: 0.25rem 0; }
        footer.site { border-top: 1px solid #999; margin-top: 3rem; padding-top: 0.5rem; font-size: 0.9rem; color: #555; }
        @media print { header.site, nav.crumbs, .skip-link, footer.site, .search-form { display: none; } }

        """
}
