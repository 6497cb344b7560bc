// Shared by every fuzz target: how a property failure is reported, and the
// small helpers the properties use. Compiled into each target's binary.
import AgendaBase
import AgendaSemantics
import AgendaSyntax
import Foundation

/// Stops the run with a message; libFuzzer sees the abort as a crash and saves the input.
func propertyFailed(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\n== agendac fuzz property failed: \(message)\n".utf8))
    abort()
}

/// The input as the bytes of a source text, exactly as a file would give them.
func sourceText(_ input: UnsafeBufferPointer<UInt8>) -> SourceText {
    SourceText(bytes: Array(input))
}

/// A check context that touches neither the file system nor any settings.
func isolatedContext(settings: WorkspaceSettings? = nil, klePlan: KLEPlan? = nil) -> CheckContext {
    CheckContext(fileURL: URL(fileURLWithPath: "/agendac-fuzz/meeting.agenda"), settings: settings,
                 klePlan: klePlan, fileExists: { _ in false })
}

/// Analyses a document and checks that every finding points inside it.
@discardableResult
func analyzeChecked(_ source: SourceText, context: CheckContext) -> AnalyzedDocument {
    let document = AnalyzedDocument(source: source, context: context)
    let size = source.bytes.count
    for diagnostic in document.diagnostics {
        let range = diagnostic.range
        guard range.lowerBound >= 0, range.upperBound <= size else {
            propertyFailed("\(diagnostic.code) has range \(range) outside the input of \(size) bytes: \(diagnostic.message)")
        }
        // the edges convert every range to line/column; they must not trap either
        _ = source.position(of: range.lowerBound, unit: .utf16)
        _ = source.position(of: range.upperBound, unit: .utf8)
    }
    return document
}

/// A keyword variant's word → the spelling's word (`beslutninger` → `beslutning`): `fmt` writes the spelling, by design.
let variantSpellings: [String: String] = Dictionary(
    Keyword.allCases.flatMap(\.variants).map { (wordCounts($0.written, variants: [:]).keys.first ?? $0.written,
                                                 wordCounts($0.spelling, variants: [:]).keys.first ?? $0.spelling) },
    uniquingKeysWith: { first, _ in first })

/// The words of a text as a multiset: maximal runs of letters and digits, in
/// lowercase (the formatter writes keywords in lowercase, by design), variants as their spelling.
func wordCounts(_ text: String, variants: [String: String] = variantSpellings) -> [String: Int] {
    var counts: [String: Int] = [:]
    var word = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            word.append(scalar)
        } else if !word.isEmpty {
            counts[canonicalWord(String(word), variants), default: 0] += 1
            word = String.UnicodeScalarView()
        }
    }
    if !word.isEmpty { counts[canonicalWord(String(word), variants), default: 0] += 1 }
    return counts
}

/// A short agenda that uses what settings and a KLE plan change: a committee,
/// members with parties, distribution codes and case numbers of several forms.
let settingsProbeDocument = SourceText("""
møde: Økonomiudvalget (2026-2029)
dato: 2026-05-04
deltagere: Anna Ærø (A), Bo Østergaard (V), Emil Eriksen (Ø)

punkt 1: Kendt emne
sagsnr: 15.00.00-A00-1-26
kommunikation: DIR(x) XYZ
beslutning:
Godkendt.
flertal: A, Ø
Flertallet stemte for.

punkt 2: Andre former
sagsnr: 2026-000123

punkt 3: Flyttet emne
sagsnr: 21/24526

punkt 4: Ukendt
sagsnr: 15.02.03-A99-1-26

""")

private func canonicalWord(_ word: String, _ variants: [String: String]) -> String {
    let lower = word.lowercased()
    return variants[lower] ?? lower
}
