import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// How names are compared: the same committee, case or person written with
/// other capitals, decomposed letters or a term suffix is the same thing.
enum Fold {
    /// NFC and lowercase, runs of spaces as one.
    static func text(_ text: String) -> String {
        TextNormalization.nfc(text).lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// A committee's name without a trailing term such as "(2022-2025)".
    static func committee(_ name: String) -> String {
        var folded = text(name)
        if folded.hasSuffix(")"), let open = folded.lastIndex(of: "(") {
            folded = folded[..<open].trimmingCharacters(in: .whitespaces)
        }
        return folded
    }

    /// A committee's name as it should be written in a field: the settings' name without its term.
    static func committeeDisplayName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            let head = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if !head.isEmpty { return head }
        }
        return trimmed
    }

    /// The canonical text of a valid case number (`15.00.00-A00-09-26` and
    /// `15.00.00-A00-9-26` are one case); nil for text that is not one.
    static func caseKey(_ written: String) -> String? {
        CaseNumber.parse(written)?.text
    }

    /// Whether `candidate` starts with `prefix`, ignoring case and normalisation.
    static func hasPrefix(_ candidate: String, _ prefix: String) -> Bool {
        prefix.isEmpty || text(candidate).hasPrefix(text(prefix))
    }
}
