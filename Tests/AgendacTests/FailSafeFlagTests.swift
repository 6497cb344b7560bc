import AgendaBase
import AgendaCLI
import AgendaRender
import AgendaSemantics
import AgendaSyntax
import Foundation
import Testing

/// A mistyped flag that withholds content never publishes it. The test
/// generates near misses of every withholding flag (`lukket`, `fortrolig
/// beslutning`, each spelling and the forms `Keyword.failSafeForms` lists) and
/// of the attachment note `ikke offentlig`: invisible characters before, after
/// and inside, no-break spaces, punctuation, list and table markers,
/// indentation, case, dropped, doubled and swapped letters. Each is planted
/// in every place of an item (under the item line, at its end, inside
/// `resume:`, after `bilag:`, inside `beslutning:`) beside unique markers, and
/// no public output of any format, nor `compile --public`, shows a marker:
/// the document has an error (so the public version is refused) and the
/// content is withheld.
@Suite struct FailSafeFlagTests {
    static let invisibles: [String] = ["\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{2060}", "\u{200C}", "\u{200D}", "\u{00A0}", "\u{202F}"]

    /// Every near miss of one spelling.
    static func variants(of word: String) -> [String] {
        var result: [String] = []
        let scalars = Array(word.unicodeScalars)
        let middle = scalars.count / 2
        for invisible in invisibles {
            result += [invisible + word, word + invisible, invisible + word + invisible]
            var inside = String.UnicodeScalarView(scalars[..<middle])
            inside.append(contentsOf: invisible.unicodeScalars)
            inside.append(contentsOf: scalars[middle...])
            result.append(String(inside))
        }
        for punctuation in [".", ":", "!", ",", ";", "…", " .", "?", " -", ")"] { result.append(word + punctuation) }
        for marker in ["- ", "* ", "1. ", "a) ", "> ", "# ", "• ", "– "] { result.append(marker + word) }
        for indent in [" ", "  ", "\t", "    "] { result.append(indent + word) }
        result += ["| \(word) |", "**\(word)**", "_\(word)_", "(\(word))", "[\(word)]", "\"\(word)\"", "«\(word)»", "`\(word)`"]
        result += [word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), " " + word.uppercased() + "."]
        // one letter dropped, doubled, or two swapped (only for words long enough to stay unambiguous)
        let letters = Array(word)
        if letters.count >= 6 && !word.contains(" ") {
            for index in letters.indices {
                var dropped = letters
                dropped.remove(at: index)
                result.append(String(dropped))
                var doubled = letters
                doubled.insert(letters[index], at: index)
                result.append(String(doubled))
                if index + 1 < letters.count, index > 0 {
                    var swapped = letters
                    swapped.swapAt(index, index + 1)
                    result.append(String(swapped))
                }
            }
        }
        return result.filter { $0 != word }
    }

    /// Every noise on the spellings and a few forms; the other forms with a little noise each.
    static func generated(_ keyword: Keyword, fully extra: [String]) -> [String] {
        let full = keyword.spellings + extra
        let light = keyword.failSafeForms.filter { !extra.contains($0) }.flatMap { [$0, $0 + ".", " " + $0, $0 + "\u{00A0}", "- " + $0.uppercased()] }
        return full.flatMap { [$0] + variants(of: $0) } + light
    }

    static let closedVariants = generated(.closed, fully: ["luket", "Lukket møde", "lukkede"])
    static let confidentialVariants = generated(.confidentialDecision, fully: ["fortrolige beslutning"])

    /// Read as the flag itself (`LUKKET`, `lukket:`): withheld, and no near miss to report.
    static func readAsFlag(_ variant: String, _ keyword: Keyword) -> Bool {
        var name = variant
        if name.hasSuffix(":") { name.removeLast() }
        return !variant.hasPrefix(" ") && !variant.hasPrefix("\t") && KeywordMatcher.keyword(named: name) == keyword
    }

    /// `Skjult0001x`: unique and never part of another.
    struct Markers {
        private(set) var all: [String] = []
        mutating func next() -> String {
            let marker = "Skjult" + String(format: "%04d", all.count + 1) + "x"
            all.append(marker)
            return marker
        }
    }

    /// Minutes whose items 2–6 each hold the closed-flag variant in one place, with markers all around it.
    static func closedDocument(_ variant: String, _ markers: inout Markers) -> String {
        var lines = ["møde: Økonomiudvalget", "dokument: referat", "dato: 2026-05-04", "", "punkt 1: Åbent punkt", "resume:", "Offentlig tekst.", ""]
        let tail = ["beslutning:", "Godkendt \(markers.next()).", "offentlig beslutning: Offentlig afgørelse.", ""]
        lines += ["punkt 2: Sag \(markers.next())", variant, "resume:", "Tekst \(markers.next())."] + tail
        lines += ["punkt 3: Sag \(markers.next())", "resume:", "Tekst \(markers.next()).", variant] + tail
        lines += ["punkt 4: Sag \(markers.next())", "sagsfremstilling:", "- \(markers.next())", "| \(markers.next()) | 2 |"] + tail + [variant, ""]
        lines += ["punkt 5: Sag \(markers.next())", "bilag:", "- Plan \(markers.next()) (fil: plan.pdf)", variant] + tail
        lines += ["punkt 6: Sag \(markers.next())", "beslutning:", "Godkendt \(markers.next()).", variant,
                  "offentlig beslutning: Offentlig afgørelse.", "sagsfremstilling:", "Tekst \(markers.next()).", ""]
        lines += ["punkt 7: Eventuelt", "uden beslutning", ""]
        return lines.joined(separator: "\n")
    }

    /// A closed item whose public decision would be published but for the (mistyped) confidential flag.
    static func confidentialDocument(_ variant: String, _ markers: inout Markers) -> String {
        var lines = ["møde: Økonomiudvalget", "dokument: referat", "dato: 2026-05-04", ""]
        lines += ["punkt 1: Sag", "lukket", variant, "beslutning:", "Afsked.", "offentlig beslutning: \(markers.next())", ""]
        lines += ["punkt 2: Sag", "lukket", "beslutning:", "Afsked.", "offentlig beslutning:", markers.next(), variant, ""]
        lines += ["punkt 3: Sag", "lukket", "offentlig beslutning: \(markers.next())", "resume:", "Tekst.", variant, ""]
        return lines.joined(separator: "\n")
    }

    /// An open item whose attachment note is the variant.
    static func attachmentDocument(_ variant: String, _ markers: inout Markers) -> String {
        ["dokument: dagsorden", "dato: 2026-05-04", "", "punkt 1: Sag", "resume:", "Offentlig tekst.", "bilag:",
         "- Plan \(markers.next()) (\(variant))", "- Kort \(markers.next()) (fil: kort.pdf, \(variant))", ""].joined(separator: "\n")
    }

    static func markersShown(in output: String) -> Set<String> {
        Set(output.components(separatedBy: "Skjult").dropFirst().map { "Skjult" + $0.prefix(5) })
    }

    /// The variant is an error, and no public output shows a marker.
    /// `rule`: the near miss expected, nil when the variant is read as the flag itself.
    static func expectWithheld(_ text: String, _ markers: Markers, _ variant: String, rule: Rule?) {
        let document = AnalyzedDocument(text: text)
        if let rule {
            let found = document.diagnostics.filter { $0.rule == rule }
            #expect(!found.isEmpty, "\(rule.code) not reported for \(variant.debugDescription)")
            #expect(document.hasErrors, "\(variant.debugDescription) leaves the document without errors")
            #expect(found.allSatisfy { !$0.fixes.isEmpty }, "\(variant.debugDescription): a finding without a fix")
        }
        for format in OutputFormat.allCases {
            let shown = markersShown(in: AgendaRenderer.render(document.meeting, as: format, options: RenderOptions(publicVersion: true)))
            let leaked = markers.all.filter { shown.contains($0) }
            #expect(leaked.isEmpty, "--public \(format) shows \(leaked) with \(variant.debugDescription)")
        }
    }

    @Test func nearMissesOfLukketCloseTheItemAndAreErrors() {
        var count = 0
        for variant in Self.closedVariants {
            do {
                var markers = Markers()
                let text = Self.closedDocument(variant, &markers)
                Self.expectWithheld(text, markers, variant, rule: Self.readAsFlag(variant, .closed) ? nil : .nearMissWithholdingFlag)
                let meeting = AnalyzedDocument(text: text).meeting
                #expect(meeting.items.dropFirst().prefix(5).allSatisfy { $0.closed }, "\(variant.debugDescription) leaves an item open")
                count += 1
            }
        }
        #expect(count > 400, "only \(count) variants generated")
    }

    @Test func nearMissesOfFortroligBeslutningWithholdTheDecision() {
        for variant in Self.confidentialVariants {
            do {
                var markers = Markers()
                let text = Self.confidentialDocument(variant, &markers)
                Self.expectWithheld(text, markers, variant, rule: Self.readAsFlag(variant, .confidentialDecision) ? nil : .nearMissWithholdingFlag)
            }
        }
    }

    @Test func nearMissesOfIkkeOffentligWithholdTheAttachment() {
        for word in ["ikke offentlig", "fortrolig"] {
            for variant in Self.variants(of: word) + ["ikke-offentlig", "ikke offentligt", "fortroligt", "Ikke Offentlig.", "ikkeoffentlig"] {
                var markers = Markers()
                let text = Self.attachmentDocument(variant, &markers)
                let exact = Keyword.withheldAttachmentWords.contains(variant.trimmingCharacters(in: .whitespaces).lowercased())
                    || variant.hasSuffix(",")  // `fortrolig,`: the exact word and an empty note
                if exact {
                    let shown = Self.markersShown(in: AgendaRenderer.render(AnalyzedDocument(text: text).meeting, as: .html, options: RenderOptions(publicVersion: true)))
                    #expect(markers.all.allSatisfy { !shown.contains($0) }, "\(variant.debugDescription) published")
                } else {
                    Self.expectWithheld(text, markers, variant, rule: .nearMissWithheldAttachment)
                }
            }
        }
    }

    /// The planting is real: with the exact flag gone (ordinary text in its
    /// place), every marker but the decision's shows in the public version.
    @Test func withoutTheFlagTheMarkersArePublished() {
        var markers = Markers()
        let document = AnalyzedDocument(text: Self.closedDocument("Almindelig tekst her.", &markers))
        #expect(!document.diagnostics.contains { $0.rule == .nearMissWithholdingFlag })
        let shown = Self.markersShown(in: AgendaRenderer.render(document.meeting, as: .text, options: RenderOptions(publicVersion: true)))
        #expect(markers.all.filter { shown.contains($0) }.count >= 10)
    }

    /// The quick fix writes the flag, and the line is then read as it.
    @Test func theFixWritesTheFlag() {
        for variant in ["lukket\u{00A0}", " lukket", "- lukket.", "Lukket møde", "luk\u{00AD}ket", "\u{FEFF}lukket"] {
            var markers = Markers()
            let text = Self.closedDocument(variant, &markers)
            let document = AnalyzedDocument(text: text)
            let edits = document.diagnostics.filter { $0.rule == .nearMissWithholdingFlag }.compactMap { $0.fixes.first?.edits.first }
            #expect(edits.count == 5, "\(variant.debugDescription): \(edits.count) fixes")
            var bytes = Array(text.utf8)
            for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            }
            let fixed = AnalyzedDocument(text: String(decoding: bytes, as: UTF8.self))
            #expect(!fixed.diagnostics.contains { $0.rule == .nearMissWithholdingFlag }, "\(variant.debugDescription) still reported after the fix")
            #expect(fixed.meeting.items.dropFirst().prefix(5).allSatisfy { $0.closed })
        }
    }

    /// A sentence that merely contains the word, and text escaped with `\`, are prose.
    @Test func proseIsNotAFlag() {
        for line in ["Mødet blev lukket kl. 17.", "Sagen er lukket for nu, se bilag.", "\\lukket", "Lukket for offentligheden indtil videre blev det ikke.",
                     "Lykke", "lukker ned for sagen", "- Punktet behandles i et lukket møde i næste uge.", "Fortroligheden er ophævet."] {
            let text = "dokument: dagsorden\ndato: 2026-05-04\n\npunkt 1: Sag\nresume:\nTekst.\n\(line)\n"
            let document = AnalyzedDocument(text: text)
            #expect(!document.diagnostics.contains { $0.rule == .nearMissWithholdingFlag }, "\(line.debugDescription) taken for a flag")
            #expect(document.meeting.items.first?.closed == false, "\(line.debugDescription) closed the item")
        }
    }

    /// `compile --public` writes nothing for a near miss, with or without --force, in every format.
    @Test func compilePublicRefuses() throws {
        let folder = temporaryTestFolder("failsafe")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, variant) in ["lukket\u{00A0}", "\u{200B}lukket", "luk\u{00AD}ket", " lukket", "lukket.", "luket", "Lukket møde", "- lukket", "lukkede"].enumerated() {
            var markers = Markers()
            let name = "v\(index).agenda"
            try Self.closedDocument(variant, &markers).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            for format in ["json", "text", "markdown", "html"] {
                for extra in [[], ["--force"]] {
                    let output = CapturedOutput()
                    let code = CLI.run(["compile", name, "--to", format, "--public"] + extra, io: output.io(in: folder))
                    #expect(code != 0, "\(variant.debugDescription) \(format) \(extra): compiled")
                    let shown = Self.markersShown(in: output.standardOutput + output.standardError)
                    #expect(markers.all.allSatisfy { !shown.contains($0) }, "\(variant.debugDescription) \(format): a marker was written")
                }
            }
        }
    }
}
