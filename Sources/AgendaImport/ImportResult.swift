/// What `DocumentImporter` made of a document: the source in the language and
/// a report of what went where.
public struct ImportResult: Sendable {
    /// The imported document in the language, formatted as `agendac fmt` writes it.
    public var source: String
    public var report: ImportReport

    public init(source: String, report: ImportReport) {
        self.source = source
        self.report = report
    }
}

/// Something of the original the importer could not place in the language's
/// structure. It is never dropped: `keptIn` says where the words stand.
public struct ImportFinding: Sendable, Equatable {
    /// The 1-based line of the original it starts on.
    public var sourceLine: Int
    /// The page of the original, when it had pages.
    public var page: Int?
    /// What could not be placed, as written (shortened when long).
    public var text: String
    /// Why it could not be placed.
    public var reason: String
    /// Where it was kept in the imported document (`punkt 3, sagsfremstilling`).
    public var keptIn: String

    public init(sourceLine: Int, page: Int?, text: String, reason: String, keptIn: String) {
        self.sourceLine = sourceLine
        self.page = page
        self.text = text
        self.reason = reason
        self.keptIn = keptIn
    }
}

/// Counts and findings of one import.
public struct ImportReport: Sendable, Equatable {
    public var fileName: String
    public var items: Int = 0
    public var sections: Int = 0
    /// Words that went into the language's structure: header fields, item
    /// titles and fields, headings, recommendation points, decision fields,
    /// attachments, votes.
    public var wordsInStructure: Int = 0
    /// Words kept as prose inside a recognised section.
    public var wordsInProse: Int = 0
    /// Words kept as prose where they could not be placed (each in a finding).
    public var wordsUnplaced: Int = 0
    /// Entries of the original's contents list (used to cross-check, not copied).
    public var contentsEntries: Int = 0
    public var findings: [ImportFinding] = []
    /// Forms of case numbers the checker reads only when `agendac.json` names
    /// them (`yyyy-nnnnnn`), as `caseNumberPatterns` writes them, in the order found.
    public var caseNumberForms: [String] { CaseNumberForm.merged(formsSeen) }
    private var formsSeen: [String] = []
    private var formsSeenSet: Set<String> = []

    public init(fileName: String) { self.fileName = fileName }

    mutating func noteCaseNumberForm(_ form: String) {
        if formsSeenSet.insert(form).inserted { formsSeen.append(form) }
    }

    /// The short report `agendac import` prints.
    public var text: String {
        var out = "\(fileName): \(items) \(items == 1 ? "item" : "items"), \(sections) sections"
        if contentsEntries > 0 { out += ", contents list of \(contentsEntries) entries cross-checked" }
        out += "\n  words: \(wordsInStructure) in structure, \(wordsInProse) as prose in their sections, \(wordsUnplaced) kept as prose unplaced\n"
        let forms = caseNumberForms
        if !forms.isEmpty {
            out += "  case numbers in a form the checker reads only from the settings: \(forms.joined(separator: ", ")) (`caseNumberPatterns` in agendac.json)\n"
        }
        if findings.isEmpty {
            out += "  everything was placed\n"
        } else {
            out += "  \(findings.count) \(findings.count == 1 ? "finding" : "findings"):\n"
            for finding in findings {
                let page = finding.page.map { ", page \($0)" } ?? ""
                out += "  line \(finding.sourceLine)\(page): \(finding.reason): \"\(finding.text)\"; kept in \(finding.keptIn)\n"
            }
        }
        return out
    }
}
