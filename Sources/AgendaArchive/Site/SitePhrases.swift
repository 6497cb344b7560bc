/// Every word the archive's site prints around the minutes (the minutes
/// themselves are worded by the house style): one table, so the pages and
/// the search script say the same.
enum SitePhrases {
    static let siteName = "Mødearkiv"
    static let skipLink = "Gå til indholdet"
    static let mainNavigation = "Arkivet"
    static let breadcrumbs = "Du er her"
    static let frontPage = "Forside"
    static let search = "Søg"
    static let searchHeading = "Søg i referaterne"
    static let searchLabel = "Søgeord, fx et emne eller et sagsnummer"
    static let searchButton = "Søg"
    static let searchHelp = "Søgningen finder alle ord i teksten, også bøjede former (»børnehaver« finder »børnehave«), og sagsnumre."
    static let searchNeedsScript = "Søgningen kræver JavaScript. Du kan bruge oversigten over udvalg i stedet."
    static let committees = "Udvalg"
    static let noMeetings = "Arkivet har endnu ingen møder."
    static let meetings = "Møder"
    static func meetingCount(_ count: Int) -> String { count == 1 ? "1 møde" : "\(count) møder" }
    static func itemCount(_ count: Int) -> String { count == 1 ? "1 punkt" : "\(count) punkter" }
    static let documents = "Dokumenter"
    static let publicPDF = "Referatet som PDF"
    static let publicAgendaPDF = "Dagsordenen som PDF"
    static let publicHTML = "Referatet som HTML"
    static let publicJSON = "Referatet som data (JSON)"
    static let attachment = "Bilag"
    static let checksum = "SHA-256"
    static let status = "Status"
    static func stage(_ stage: ArchivedMeeting.Stage) -> String {
        switch stage {
        case .agenda: "Dagsorden: mødet er ikke holdt, eller referatet er ikke arkiveret endnu."
        case .minutes: "Referat, endnu ikke godkendt."
        case .approved: "Godkendt referat."
        }
    }
    static func stageShort(_ stage: ArchivedMeeting.Stage) -> String {
        switch stage {
        case .agenda: "dagsorden"
        case .minutes: "referat"
        case .approved: "godkendt referat"
        }
    }
    static let approvals = "Godkendelser"
    static func approval(_ name: String, at: String) -> String { "\(name) godkendte \(at)" }
    static let approvedText = "af den tekst, der har SHA-256"
    static let revisions = "Revisioner"
    static func revisionNow(_ number: Int) -> String { "Siden viser revision \(number)." }
    static func revision(_ number: Int, at: String) -> String { "Revision \(number), \(at)" }
    static func revision(_ number: Int) -> String { "Revision \(number)" }
    static let revisionReason = "Begrundelse:"
    static func revisionLink(_ number: Int) -> String { "Se revision \(number)" }
    static let thisPage = "(denne side)"
    static func currentVersion(_ number: Int) -> String { "Se den gældende version (r\(number))" }
    /// The notice above an earlier revision: which one replaced it, when and why.
    static func superseded(_ number: Int, by newer: Int, on date: String?, because reason: String) -> String {
        var text = "Tidligere version (r\(number)), erstattet af r\(newer)"
        if let date { text += " den \(date)" }
        if !reason.isEmpty { text += " fordi: \(reason)" }
        return text.hasSuffix(".") ? text : text + "."
    }
    static func earlierVersionTitle(_ number: Int) -> String { "Tidligere version (r\(number))" }
    static func meetingCrumb(_ date: String) -> String { "Mødet \(date)" }
    static let casesOfMeeting = "Sager på mødet"
    static func itemLabel(_ number: Int) -> String { "punkt \(number)" }
    static func caseHeading(_ number: String) -> String { "Sag \(number)" }
    static let caseHistory = "Sagens gang"
    static func caseTreatments(_ count: Int) -> String { count == 1 ? "Sagen er behandlet på 1 møde i arkivet." : "Sagen er behandlet på \(count) møder i arkivet." }
    static let recommendation = "Indstilling"
    static let outcome = "Beslutning"
    static let noOutcome = "Ingen beslutning i arkivet."
    static func yearHeading(_ committee: String, _ year: Int) -> String { "\(committee) \(year)" }
    static let footer = "Udgivet af agendac fra det offentlige arkiv. Lukkede punkter vises kun med deres offentlige titel og beslutning."
}
