import AgendaBase
import Foundation

/// The semantic rules. Each rule is a small function over the meeting; they
/// all read codes, severities and explanations from `Rule`.
public enum Checker {
    public static func check(_ meeting: Meeting, source: SourceText, context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        findings += CaseNumberRules.check(meeting, context: context)
        findings += MeetingRules.check(meeting, source: source)
        findings += ItemRules.check(meeting, source: source)
        findings += PeopleRules.check(meeting, context: context)
        findings += VoteRules.check(meeting, source: source, context: context)
        findings += AttachmentRules.check(meeting, context: context)
        findings += ClosedItemRules.check(meeting, source: source)
        return findings
    }
}
