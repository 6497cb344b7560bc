import AgendaBase
import AgendaSemantics
import AgendaSyntax
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One line of the original as the recogniser reads it: Markdown heading
/// marks and a bold wrapper taken off (`## **Indstilling**` → `Indstilling`),
/// spaces trimmed, and a folded form for matching.
struct LineText {
    /// The text with outer spaces trimmed, Markdown kept (`**fed**` is the language's bold too).
    let written: String
    /// Without heading marks, a whole-line bold wrapper and a trailing colon.
    let plain: String
    /// `plain` lowercased and NFC-normalised.
    let folded: String
    /// The number of `#` of a Markdown heading; 0 for other lines.
    let headingLevel: Int
    /// Whether the whole line was `**bold**`.
    let bold: Bool
    /// Leading spaces of the line as written (a tab counts four).
    let indent: Int

    init(_ raw: String) {
        var indent = 0
        for character in raw {
            if character == " " { indent += 1 } else if character == "\t" { indent += 4 } else { break }
        }
        self.indent = indent
        let trimmed = Self.listMarkerTabAsSpace(raw.trimmingCharacters(in: .whitespaces))
        written = trimmed
        var text = Substring(trimmed)
        var level = 0
        while text.first == "#" && level < 7 {
            text = text.dropFirst()
            level += 1
        }
        if level > 0 && (text.first == " " || text.isEmpty) {
            text = text.drop { $0 == " " }
        } else if level > 0 {
            text = Substring(trimmed)
            level = 0
        }
        headingLevel = level
        var isBold = false
        if text.count > 4, text.hasPrefix("**"), text.hasSuffix("**") {
            let inner = text.dropFirst(2).dropLast(2)
            if !inner.contains("**") {
                text = inner
                isBold = true
            }
        }
        bold = isBold
        var plainText = text.trimmingCharacters(in: .whitespaces)
        if plainText.hasSuffix(":") { plainText = String(plainText.dropLast()).trimmingCharacters(in: .whitespaces) }
        // `**Mødedato** Mandag …`: the bold label of a field, read without its stars
        if plainText.hasPrefix("**"), let close = plainText.dropFirst(2).rangeOfFirst("**") {
            let label = plainText[plainText.index(plainText.startIndex, offsetBy: 2)..<close.lowerBound]
            if !label.isEmpty, label.count <= 40 {
                plainText = String(label) + plainText[close.upperBound...]
            }
        }
        plain = plainText
        folded = LineText.fold(plainText)
    }

    var isBlank: Bool { written.isEmpty }

    /// `1.⇥tekst`, `-⇥tekst`: a word processor's numbered or bulleted paragraph,
    /// its marker set apart by a tab, read as the list entry `1. tekst`.
    static func listMarkerTabAsSpace(_ text: String) -> String {
        guard let tab = text.firstIndex(of: "\t") else { return text }
        let marker = text[..<tab]
        let numbered = marker.count >= 2 && marker.count <= 4 && (marker.last == "." || marker.last == ")")
            && marker.dropLast().allSatisfy { $0.isASCII && $0.isNumber }
        let bullet = marker == "-" || marker == "•" || marker == "*" || marker == "–"
        guard numbered || bullet else { return text }
        let rest = text[text.index(after: tab)...].drop { $0 == "\t" || $0 == " " }
        return rest.isEmpty ? text : marker + " " + rest
    }

    /// Lowercased and NFC-normalised, as the keyword table compares.
    static func fold(_ text: String) -> String {
        String(decoding: KeywordMatcher.fold(Array(text.utf8)), as: UTF8.self)
    }

    /// Whether the line could be a heading: short, one line's worth, not a sentence.
    var looksLikeHeading: Bool {
        guard !plain.isEmpty, plain.utf8.count <= 120 else { return false }
        if headingLevel > 0 || bold { return true }
        guard let last = plain.last else { return false }
        return !".,;!?".contains(last)
    }
}

/// Small readings of a line's words shared by the recogniser's parts.
enum LineReading {
    /// The case number a whole line is (`15.00.00-A00-9-26`, `21/24526`), in the
    /// forms the checker reads or the settings name (`patterns`), or labelled
    /// (`Sagsnr.: 21/24526`, `Sag: …`).
    static func caseNumber(_ text: LineText, patterns: [CaseNumberPattern] = []) -> String? {
        var candidate = text.plain
        for label in ["sagsnr.", "sagsnr", "sagsnummer", "sag nr.", "sag", "j.nr.", "j. nr.", "journalnr.", "journalnummer", "acadre sagsnr."] {
            if text.folded.hasPrefix(label + ":") || text.folded.hasPrefix(label + " ") {
                candidate = String(candidate.dropFirst(label.count)).trimmingWhitespace(and: ":")
                break
            }
        }
        guard !candidate.isEmpty, candidate.utf8.count <= 40 else { return nil }
        if CaseNumber.parse(candidate) != nil { return candidate }
        if let fixed = CaseNumber.suggestion(for: candidate) { return fixed }
        if patterns.contains(where: { $0.matches(candidate) }) { return candidate }
        return nil
    }

    /// `Godkendelse af dagsorden.....\t3`, `Godkendelse af dagsorden ..... 3`,
    /// `Godkendelse af dagsorden    3`: a title and a page number.
    static func contentsEntry(_ raw: String) -> (title: String, page: Int)? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        var digits = Substring(trimmed)
        var page = 0
        var count = 0
        while let last = digits.last, last.isASCII, let value = last.wholeNumberValue {
            digits = digits.dropLast()
            count += 1
            guard count <= 4 else { return nil }
            page += value * Int(pow(10.0, Double(count - 1)))
        }
        guard count > 0 else { return nil }
        let beforeNumber = digits
        var title = beforeNumber
        var leader = 0
        while let last = title.last, last == "." || last == " " || last == "\t" || last == "…" || last == "_" {
            title = title.dropLast()
            leader += 1
        }
        // `1. Godkendelse af dagsorden 1`: a numbered entry may end in its page after one space
        let numbered = title.first.map { $0.isASCII && $0.isNumber } ?? false
            && title.drop { $0.isASCII && $0.isNumber }.first.map { $0 == "." || $0 == ")" } ?? false
        let hasLeader = beforeNumber.hasSuffix("\t") || beforeNumber.hasSuffix("  ") || beforeNumber.contains("....")
            || beforeNumber.contains("…") || (numbered && beforeNumber.hasSuffix(" "))
        guard leader > 0, hasLeader, !title.isEmpty else { return nil }
        return (String(title), page)
    }

    /// The cells of a tab-separated row (`I mio. kr.\t2023\t2024`), or of a
    /// row whose columns are set apart by three or more spaces (`pdftotext -layout`).
    static func tableCells(_ raw: String) -> [String]? {
        let body = raw.trimming(charactersIn: " ")
        if body.contains("\t") {
            let cells = body.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.count >= 2 ? cells : nil
        }
        return nil
    }

    /// The words of a text as the report counts them: runs of letters and digits.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordCharacter = switch scalar.properties.generalCategory {
            // `CharacterSet.alphanumerics`: letters, marks and numbers
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: true
            default: false
            }
            if isWordCharacter && !inWord { count += 1 }
            inWord = isWordCharacter
        }
        return count
    }
}
