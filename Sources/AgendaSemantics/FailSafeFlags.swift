import AgendaBase
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Recognises lines that meant a flag withholding content (`lukket`,
/// `fortrolig beslutning`) but are not read as it: ` lukket`, `lukket.`,
/// `- lukket`, `luk\u{AD}ket`, `lukket` + U+00A0, `Lukket møde`, `luket`.
/// Such a line withholds all the same (fail safe) and is an error, so the
/// public version is refused until it is written as the flag.
///
/// The rule: take the line's letters alone (lowercased, NFC), dropping spaces,
/// punctuation, symbols, digits, list and table markers and invisible
/// characters. If they spell a flag or one of its `failSafeForms`, exactly or
/// within a small edit distance (1 for six letters or more, 2 for twelve or
/// more, or the same letters in another order), the line means the flag. Prose
/// is safe: a sentence's letters spell no flag (`Mødet blev lukket kl. 17.`).
enum FailSafeFlags {
    /// Lines longer than this (in bytes) are sentences, not flags with noise.
    static let longestLine = 160
    /// More letters than any form has, with room for a misspelling.
    static let mostLetters = 30

    /// A form's letters, and a 64-bit mask of them (bit `value & 63` per letter)
    /// that rules most lines out before any edit distance is computed.
    struct Form {
        let letters: [Unicode.Scalar]
        let mask: UInt64

        init(_ letters: [Unicode.Scalar]) {
            self.letters = letters
            mask = letters.reduce(0) { $0 | FailSafeFlags.bit($1) }
        }
    }

    static func bit(_ letter: Unicode.Scalar) -> UInt64 { 1 << UInt64(letter.value & 63) }

    /// Every form, as letters, with the flag it means.
    static let forms: [(form: Form, keyword: Keyword)] = Keyword.withholdingFlags.flatMap { keyword in
        (keyword.spellings + keyword.failSafeForms).map { (Form(letters($0) ?? []), keyword) }
    }

    /// The attachment words (`ikke offentlig`) as letters.
    static let attachmentForms: [Form] = (Keyword.withheldAttachmentWords.compactMap { letters($0) }
        + Keyword.closed.failSafeForms.filter { !$0.contains("punkt") && !$0.contains("møde") }.compactMap { letters($0) }).map(Form.init)

    /// The flag a line of text means, if it means one.
    static func flag(meantBy text: String) -> Keyword? {
        guard text.utf8.count <= longestLine, let written = letters(withoutLetterMarker(text)) else { return nil }
        var best: (distance: Int, keyword: Keyword)?
        for form in forms {
            guard let distance = nearness(written, form.form), distance < (best?.distance ?? Int.max) else { continue }
            best = (distance, form.keyword)
        }
        return best?.keyword
    }

    /// `a) lukket`, `b. lukket`: a list marker made of one letter is not part of the flag.
    static func withoutLetterMarker(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.drop { $0 == " " || $0 == "\t" }.prefix(3))
        guard scalars.count == 3, scalars[0].properties.isAlphabetic, scalars[1] == ")" || scalars[1] == ".", scalars[2] == " " else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.drop { $0 == " " || $0 == "\t" }.dropFirst(2)))
    }

    /// Whether an attachment's note means "not public".
    static func meansWithheld(_ note: String) -> Bool {
        guard note.utf8.count <= longestLine, let written = letters(note) else { return false }
        return attachmentForms.contains { nearness(written, $0) != nil }
    }

    /// The distance between a line's letters and a form's, when near enough to mean it.
    static func nearness(_ written: [Unicode.Scalar], _ known: Form) -> Int? {
        let form = known.letters
        if written == form { return 0 }
        let tolerance = form.count >= 12 ? 2 : form.count >= 6 ? 1 : 0
        // neither an edit within the tolerance nor a swap can bridge a larger
        // difference in length: most prose lines stop here, before any distance
        if abs(written.count - form.count) > tolerance { return nil }
        // each letter the form lacks costs an edit (a swap needs none), so a line
        // with more of them is no near miss; the mask answers that without the
        // distance's table (letters sharing a bit only weaken the bound)
        var foreign = 0
        for letter in written where known.mask & bit(letter) == 0 {
            foreign += 1
            if foreign > tolerance { return nil }
        }
        if tolerance > 0 {
            let distance = EditDistance.between(written, form, limit: tolerance)
            if distance <= tolerance { return distance }
        }
        // two letters swapped (`lukekt`): the same letters, the same first letter
        if form.count >= 5, written.count == form.count, written.first == form.first,
           written.map(\.value).sorted() == form.map(\.value).sorted() {
            return tolerance + 1
        }
        return nil
    }

    /// The most letters a line can have and still be near a flag's form: a
    /// distance or swap within the tolerance (at most 2) never bridges more.
    static let mostLettersNearAForm = (forms.map(\.form.letters.count).max() ?? mostLetters) + 2

    /// Whether the bytes hold few enough ASCII letters to be a flag. Each ASCII
    /// letter stays one letter through NFC and lowercasing, so a line with more
    /// than that is ruled out here, before any Unicode work: most prose lines
    /// stop here. A whole line (checked against the flags' forms) may carry one
    /// more: a letter list marker (`a) lukket`) that is not counted.
    static func mayBeFlag<Bytes: Sequence<UInt8>>(_ bytes: Bytes, wholeLine: Bool = false) -> Bool {
        let most = wholeLine ? min(mostLetters, mostLettersNearAForm) + 1 : mostLetters
        var asciiLetters = 0
        for byte in bytes where (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
            asciiLetters += 1
            if asciiLetters > most { return false }
        }
        return true
    }

    /// The letters of `text`, lowercased and NFC-normalised; nil when there are
    /// none or too many to be a flag.
    static func letters(_ text: String) -> [Unicode.Scalar]? {
        guard mayBeFlag(text.utf8) else { return nil }
        var result: [Unicode.Scalar] = []
        // ASCII is its own NFC, and its letters are exactly a–z and A–Z: no Unicode tables needed
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 where (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                result.append(Unicode.Scalar(byte | 0x20))
            }
            return result.count >= 4 ? result : nil
        }
        for scalar in TextNormalization.nfc(text).lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter:
                result.append(scalar)
                if result.count > mostLetters { return nil }
            default:
                continue
            }
        }
        return result.count >= 4 ? result : nil
    }
}

extension Lowering {
    /// Looks at every line of an item that is not a keyword line for a near
    /// miss of a withholding flag; a near miss withholds and is reported.
    mutating func applyFailSafeFlags(_ syntax: ItemSyntax, to item: inout Item) {
        guard !scannedLines.isEmpty, syntax.range.upperBound > syntax.line.range.upperBound else { return }
        let first = source.line(containing: syntax.line.range.upperBound) + 1
        let last = source.line(containing: syntax.range.upperBound - 1)
        let firstScannedLine = scannedLines.firstLine
        guard first <= last, first >= firstScannedLine, last - firstScannedLine < scannedLines.count else { return }
        // set by the flag as written, so a near miss is a stray line to remove
        let closedByFlag = item.closed, confidentialByFlag = item.confidentialDecision != nil
        for index in first...last {
            let line = scannedLines[index - firstScannedLine]
            switch line.kind {
            case .blank, .comment, .keyword: continue
            case .prose, .listEntry, .tableRow: break
            }
            let range = source.trimmingSpaces(line.range)
            // `\lukket` is text on purpose
            if range.isEmpty || source.bytes[range.lowerBound] == UInt8(ascii: "\\") { continue }
            guard range.count <= FailSafeFlags.longestLine, FailSafeFlags.mayBeFlag(source.bytes[range], wholeLine: true),
                  let keyword = FailSafeFlags.flag(meantBy: text(range)) else { continue }
            let written = text(range)
            let alreadySet = keyword == .closed ? closedByFlag : confidentialByFlag
            switch keyword {
            case .closed: item.closed = true
            default: if item.confidentialDecision == nil { item.confidentialDecision = line.range }
            }
            let flag = keyword.canonical
            let effect = keyword == .closed
                ? "item \(item.number) is closed all the same, so none of its content is published"
                : "the decision of item \(item.number) is withheld all the same"
            let advice = alreadySet
                ? "the flag is already set, so remove this line"
                : "write `\(flag)` alone at the start of the line"
            let fix = alreadySet
                ? Fix(title: "Remove the line", edits: [ClosedItemRules.removeLine(line.range, source: source)])
                : Fix(title: "Write `\(flag)`", edits: [TextEdit(range: line.range, replacement: flag)])
            report(.nearMissWithholdingFlag, line.range,
                   "'\(Self.visible(written))' is not read as the flag `\(flag)` but looks meant as it: \(effect), and the public version is refused until the line is settled; \(advice) (or start the line with `\\` if it is text)",
                   fixes: [fix])
        }
    }

    /// A line as a message shows it: invisible and space-like characters named.
    static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x21...0x7E: shown.unicodeScalars.append(scalar)
            case 0x09: shown += "<tab>"
            case 0xA0: shown += "<U+00A0>"
            default:
                let category = scalar.properties.generalCategory
                if category == .format || category == .control || category == .spaceSeparator || category == .nonspacingMark {
                    shown += "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        return shown
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
