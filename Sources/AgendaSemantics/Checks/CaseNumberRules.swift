import AgendaBase
import Foundation

/// Case numbers: form, KLE main group, facet and subject, year, reuse, workspace style.
enum CaseNumberRules {
    static func check(_ meeting: Meeting, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var firstUse: [CaseNumber: (number: Int, title: String)] = [:]
        for item in meeting.items {
            guard let written = item.caseNumber else { continue }
            let range = written.range
            guard let number = CaseNumber.parse(written.value) else {
                var fixes: [Fix] = []
                var message = "'\(written.value)' is not a case number; write KLE style `15.00.00-A00-9-26` or `yy/nnnnn` such as `21/24526`"
                if let suggestion = CaseNumber.suggestion(for: written.value) {
                    message += "; did you mean `\(suggestion)`?"
                    fixes.append(Fix(title: "Write `\(suggestion)`", edits: [TextEdit(range: range, replacement: suggestion)]))
                }
                findings.append(Diagnostic(.malformedCaseNumber, range, message, fixes: fixes))
                continue
            }
            findings += kleFindings(number, range: range, plan: context.klePlan)
            if let meetingDate = meeting.date?.value, number.twoDigitYear > meetingDate.year % 100,
               number.twoDigitYear - meetingDate.year % 100 < 50 {
                findings.append(Diagnostic(.caseYearAfterMeeting, range,
                    "the case was opened in 20\(number.twoDigitYear < 10 ? "0" : "")\(number.twoDigitYear), after the meeting's year \(meetingDate.year); check the year at the end of the number"))
            }
            if let style = context.settings?.caseNumberStyle {
                switch (style, number) {
                case (.kle, .serial):
                    findings.append(Diagnostic(.caseNumberStyle, range, "the workspace writes KLE case numbers (`15.00.00-A00-9-26`), this one is `yy/nnnnn`"))
                case (.serial, .kle):
                    findings.append(Diagnostic(.caseNumberStyle, range, "the workspace writes case numbers as `yy/nnnnn`, this one is KLE style"))
                default: break
                }
            }
            if let first = firstUse[number] {
                findings.append(Diagnostic(.sharedCaseNumber, range, "the same case number as item \(first.number) (\(first.title))"))
            } else {
                firstUse[number] = (item.number, item.title)
            }
        }
        return findings
    }

    /// Ranges inside a KLE number, which is ASCII but for the facet letter (maybe Ø, two bytes).
    static func kleFindings(_ number: CaseNumber, range: Range<Int>, plan: KLEPlan?) -> [Diagnostic] {
        guard case .kle(let kle) = number else { return [] }
        let mainRange = range.lowerBound..<(range.lowerBound + 2)
        let subjectRange = range.lowerBound..<(range.lowerBound + 8)
        let facetRange = (range.lowerBound + 9)..<(range.lowerBound + 9 + String(kle.facetLetter).utf8.count + 2)
        var findings: [Diagnostic] = []
        let mainCode = kle.subjectCode.prefix(2)
        let knownMain = plan.map { $0.mainGroups.isEmpty ? KLEFacts.mainGroups[kle.mainGroup] != nil : $0.mainGroups[String(mainCode)] != nil }
            ?? (KLEFacts.mainGroups[kle.mainGroup] != nil)
        if !knownMain {
            findings.append(Diagnostic(.unknownMainGroup, mainRange,
                "KLE has no main group \(mainCode); the main groups run 00–88 with gaps (see `agendac` hover or kle.md); check the number"))
        } else if let plan, !plan.subjects.isEmpty, plan.subjects[kle.subjectCode] == nil {
            let groupKnown = plan.groups[kle.groupCode] != nil
            findings.append(Diagnostic(.unknownSubject, subjectRange,
                "\(groupKnown ? "subject \(kle.subjectCode)" : "group \(kle.groupCode)") is not in the KLE plan (it may be older or local); check the number"))
        } else if plan == nil, kle.group == 0, kle.subject != 0 {
            findings.append(Diagnostic(.unknownSubject, subjectRange,
                "\(kle.subjectCode): a subject under group 00 does not exist in KLE (NN.00.00 is the main group in general); check the number"))
        }
        let familyKnown = KLEFacts.facetFamilies[kle.facetLetter] != nil
        if !familyKnown {
            findings.append(Diagnostic(.unknownFacet, facetRange,
                "action facet \(kle.facetCode): KLE facets start with one of A P S Ø G K I; check the letter"))
        } else if let plan, !plan.facets.isEmpty, plan.facets[kle.facetCode] == nil {
            findings.append(Diagnostic(.unknownFacet, facetRange, "action facet \(kle.facetCode) is not in the KLE facet plan; check the number", severity: .warning))
        }
        return findings
    }
}
