import AgendaSemantics

/// A case's page: every treatment in the archive in date order, with the
/// committee, the meeting and item (linked), the recommendation and the outcome.
struct CasePage {
    let key: String
    let treatments: [CaseTreatment]

    var path: String { SitePaths.casePage(key) }

    func render(municipality: String?) -> String {
        let shown = treatments.last?.caseNumber ?? key
        var body = "<h1>\(SiteHTML.escape(SitePhrases.caseHeading(shown)))</h1>\n"
        if let latest = treatments.last { body += "<p class=\"case-title\">\(SiteHTML.escape(latest.itemTitle))</p>\n" }
        body += "<p>\(SiteHTML.escape(SitePhrases.caseTreatments(treatments.count)))</p>\n"
        body += "<h2>\(SiteHTML.escape(SitePhrases.caseHistory))</h2>\n<ol class=\"case-history\">\n"
        for (index, treatment) in treatments.enumerated() {
            let link = SitePaths.link(from: path, to: SitePaths.meeting(treatment.meeting)) + "#punkt-\(treatment.itemNumber)"
            let heading = "\(treatment.date.danishText): \(treatment.committee), \(SitePhrases.itemLabel(treatment.itemNumber))"
            body += "<li>\n<article class=\"treatment\" aria-labelledby=\"behandling-\(index + 1)\">\n"
            body += "<h3 id=\"behandling-\(index + 1)\"><a href=\"\(SiteHTML.escape(link))\">\(SiteHTML.escape(heading))</a></h3>\n"
            body += "<p class=\"treatment-title\">\(SiteHTML.escape(treatment.itemTitle)) <span class=\"count\">(\(SiteHTML.escape(SitePhrases.stageShort(treatment.stage))))</span></p>\n"
            if !treatment.recommendation.isEmpty {
                body += "<h4>\(SiteHTML.escape(SitePhrases.recommendation))</h4>\n" + paragraphs(treatment.recommendation)
            }
            body += "<h4>\(SiteHTML.escape(SitePhrases.outcome))</h4>\n"
            body += treatment.outcome.isEmpty ? "<p>\(SiteHTML.escape(SitePhrases.noOutcome))</p>\n" : paragraphs(treatment.outcome)
            body += "</article>\n</li>\n"
        }
        body += "</ol>\n"
        return SiteHTML.page(path: path, title: SitePhrases.caseHeading(shown), crumbs: [(SitePhrases.frontPage, SitePaths.index)],
                             body: body, municipality: municipality)
    }

    func paragraphs(_ text: String) -> String {
        text.split(separator: "\n").map { "<p>\(SiteHTML.escape(String($0)))</p>\n" }.joined()
    }
}
