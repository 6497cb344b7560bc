import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Case numbers: form (KLE and `yy/nnnnn`, or the workspace's own forms), KLE
/// main group, subject and facet, history in the municipality's plan, year,
/// reuse, workspace style.
enum CaseNumberRules {
    /// The findings for one item's case number, and the key under which the
    /// number counts when looking for reuse (nil when it is too malformed to count).
    static func itemFindings(_ item: Item, meetingDate: CalendarDate?, context: CheckContext) -> (findings: [Diagnostic], reuseKey: String?) {
        guard let written = item.caseNumber else { return ([], nil) }
        var findings: [Diagnostic] = []
        let patterns = context.settings?.caseNumberPatterns ?? []
        let range = written.range
        let number = CaseNumber.parse(written.value)
        if !patterns.isEmpty {
            guard patterns.contains(where: { $0.matches(written.value) }) else {
                return ([formFinding(written, patterns: patterns)], nil)
            }
        } else if number == nil {
            var fixes: [Fix] = []
            var message = "'\(written.value)' is not a case number; write KLE style `15.00.00-A00-9-26` or `yy/nnnnn` such as `21/24526`"
            if let suggestion = CaseNumber.suggestion(for: written.value) {
                message += "; did you mean `\(suggestion)`?"
                fixes.append(Fix(title: "Write `\(suggestion)`", edits: [TextEdit(range: range, replacement: suggestion)]))
            }
            return ([Diagnostic(.malformedCaseNumber, range, message, fixes: fixes)], nil)
        }
        if let number {
            findings += kleFindings(number, range: range, plan: context.klePlan)
            if let meetingDate, number.twoDigitYear > meetingDate.year % 100,
               number.twoDigitYear - meetingDate.year % 100 < 50 {
                findings.append(Diagnostic(.caseYearAfterMeeting, range,
                    "the case was opened in 20\(number.twoDigitYear < 10 ? "0" : "")\(number.twoDigitYear), after the meeting's year \(meetingDate.year); check the year at the end of the number"))
            }
            if patterns.isEmpty, let style = context.settings?.caseNumberStyle {
                switch (style, number) {
                case (.kle, .serial):
                    findings.append(Diagnostic(.caseNumberStyle, range, "the workspace writes KLE case numbers (`15.00.00-A00-9-26`), this one is `yy/nnnnn`"))
                case (.serial, .kle):
                    findings.append(Diagnostic(.caseNumberStyle, range, "the workspace writes case numbers as `yy/nnnnn`, this one is KLE style"))
                default: break
                }
            }
        }
        return (findings, number?.text ?? TextNormalization.nfc(written.value))
    }

    /// A case number used again by a later item: one dictionary over the items' facts.
    static func reuseFindings(_ items: ItemFactsList) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var firstUse: [String: (number: Int, title: String)] = [:]
        firstUse.reserveCapacity(items.count)
        for item in items {
            guard let key = item.caseNumberKey, let range = item.caseNumberRange else { continue }
            if let first = firstUse[key] {
                findings.append(Diagnostic(.sharedCaseNumber, range, "the same case number as item \(first.number) (\(first.title))"))
            } else {
                firstUse[key] = (item.number, item.title)
            }
        }
        return findings
    }

    /// A number in none of the workspace's forms, with the forms, and the number
    /// rewritten when only its separators are wrong and the result has an allowed form.
    static func formFinding(_ written: Located<String>, patterns: [CaseNumberPattern]) -> Diagnostic {
        let forms = patterns.map { "`\($0.text)`" }.joined(separator: ", ")
        var message = "'\(written.value)' is not in a form the workspace's case system writes; the allowed forms are \(forms) (`caseNumberPatterns` in agendac.json)"
        var fixes: [Fix] = []
        if let suggestion = CaseNumber.suggestion(for: written.value), patterns.contains(where: { $0.matches(suggestion) }) {
            message += "; did you mean `\(suggestion)`?"
            fixes.append(Fix(title: "Write `\(suggestion)`", edits: [TextEdit(range: written.range, replacement: suggestion)]))
        }
        return Diagnostic(.caseNumberForm, written.range, message, fixes: fixes)
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
        } else if let finding = subjectFinding(kle, range: subjectRange, plan: plan) {
            findings.append(finding)
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

    /// The subject of a number in a known main group: moved or retired in the
    /// municipality's plan, or in neither that plan nor OS2KLE (then the nearest
    /// that exist, with their titles). `NN.00.00`, the main group in general, always exists.
    static func subjectFinding(_ kle: KLENumber, range: Range<Int>, plan: KLEPlan?) -> Diagnostic? {
        let code = kle.subjectCode
        let planList = plan.flatMap { $0.subjectList.isEmpty ? nil : $0 }
        if let plan = planList {
            if let replacement = plan.movedTo[code] {
                let title = plan.subjects[replacement].map { " \($0)" } ?? ""
                return Diagnostic(.movedSubject, range,
                    "KLE subject \(code) has moved to \(replacement)\(title) in the KLE plan; a new case uses \(replacement) (an old case keeps its number)",
                    fixes: [Fix(title: "Write `\(replacement)`", edits: [TextEdit(range: range, replacement: replacement)])])
            }
            if let date = plan.retired[code] {
                return Diagnostic(.retiredSubject, range,
                    "KLE subject \(code)\(plan.subjects[code].map { " (\($0))" } ?? "") was retired from the KLE plan on \(date); a new case needs a current subject (an old case keeps its number)")
            }
        }
        if kle.group == 0, kle.subject == 0 { return nil }
        let key = kle.mainGroup * 10_000 + kle.group * 100 + kle.subject
        // the open list's titles are parsed only when a missing subject needs its neighbours named
        if planList == nil, KLESubjectList.os2kleContains(key: key) { return nil }
        let list = planList?.subjectList ?? KLESubjectList.os2kle
        guard list.subject(key: key) == nil else { return nil }
        let nearest = list.nearest(toKey: key)
        let source = planList == nil ? "KLE (OS2KLE)" : "the KLE plan"
        var message = "subject \(code) is not in \(source); it may be older or local"
        if !nearest.isEmpty {
            message += "; the nearest that exist are " + nearest.map { "\($0.code) \($0.title)" }.joined(separator: "; ")
        }
        message += "; check the number"
        let fixes = nearest.map { Fix(title: "Write `\($0.code)` (\($0.title))", edits: [TextEdit(range: range, replacement: $0.code)]) }
        return Diagnostic(.unknownSubject, range, message, fixes: fixes)
    }
}
