#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Normalising text before matching: Unicode NFC, plus the Danish letters that
/// NFC cannot compose. `Ø` has no canonical decomposition, so an `O` followed by
/// U+0338 (combining long solidus overlay), as some systems export it, stays
/// two characters under NFC; we fold it to `Ø` ourselves (likewise `ø`).
public enum TextNormalization {
    public static func nfc(_ text: String) -> String {
        if isSurelyNFC(text) { return text }
        var result = String(decoding: text._nfcCodeUnits, as: UTF8.self)
        if result.unicodeScalars.contains("\u{0338}") {
            result = result.replacingOccurrences(of: "O\u{0338}", with: "Ø").replacingOccurrences(of: "o\u{0338}", with: "ø")
        }
        return result
    }

    /// True for text that cannot need normalising: ASCII and precomposed Latin-1
    /// letters (æ, ø, å, é …) with no combining marks. Most text is like this, and
    /// skipping Foundation's normaliser for it makes the checker several times faster.
    @inlinable
    public static func isSurelyNFC(_ text: String) -> Bool {
        for byte in text.utf8 where byte >= 0xCC {
            // 0xCC–0xCD start U+0300–U+036F (combining marks); 0xE0 and up start
            // characters outside Latin-1, which we do not try to judge here
            return false
        }
        return true
    }
}
