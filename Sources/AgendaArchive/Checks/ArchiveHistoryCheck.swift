import AgendaBase
import AgendaSemantics

/// The check the checker cannot make alone: each `sagens gang:` line read
/// against the workspace's archive (AG705–AG707). It lives here, not in
/// AgendaSemantics, because the semantics layer knows nothing of the archive;
/// `agendac check` and the language server run it when the workspace names one.
/// Linear: one lookup per line.
public enum ArchiveHistoryCheck {
    public static func check(_ meeting: Meeting, against lookup: ArchiveItemLookup) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for item in meeting.items {
            let ownKey = item.caseNumber.map { CaseIndex.key($0.value) }
            for treatment in item.history {
                guard let date = treatment.date else { continue }  // AG406 already says so
                let named = "\(treatment.body) \(date.danishText)"
                switch lookup.resolve(treatment) {
                case .unchecked, .meeting:
                    continue
                case .noMeeting:
                    findings.append(Diagnostic(.historyMeetingNotInArchive, treatment.range,
                        "the archive has no meeting of \(treatment.body.isEmpty ? "an unnamed body" : treatment.body) on \(date.danishText); correct the body or date, or add those minutes to the archive"))
                case .noItem(let meetingIndex):
                    let count = lookup.snapshot.meetings.indices.contains(meetingIndex) ? lookup.snapshot.meetings[meetingIndex].publicMeeting.items.count : 0
                    findings.append(Diagnostic(.historyItemNotInArchive, treatment.range,
                        "the archived meeting of \(named) has no item \(treatment.itemNumber ?? 0) (it has \(count) items); correct the item number"))
                case .item(let place):
                    guard let ownKey, let other = lookup.item(place)?.caseNumber, CaseIndex.key(other.value) != ownKey else { continue }
                    findings.append(Diagnostic(.historyCaseNumberDiffers, treatment.range,
                        "item \(treatment.itemNumber ?? 0) of \(named) carries case \(other.value), not \(item.caseNumber?.value ?? ""); correct the meeting or item number, or this item's `sagsnr:`"))
                }
            }
        }
        return findings
    }

    /// `findings` and `archive`'s, both in source order, as one list in source
    /// order (a finding of `findings` first among equals). Linear.
    public static func merged(_ findings: [Diagnostic], _ archive: [Diagnostic]) -> [Diagnostic] {
        guard !archive.isEmpty else { return findings }
        var result: [Diagnostic] = []
        result.reserveCapacity(findings.count + archive.count)
        var next = archive[...]
        for finding in findings {
            while let first = next.first, first.range.lowerBound < finding.range.lowerBound {
                result.append(first)
                next = next.dropFirst()
            }
            result.append(finding)
        }
        result += next
        return result
    }
}
