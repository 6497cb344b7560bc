import Foundation

/// Normalising text before matching: Unicode NFC, plus the Danish letters that
/// NFC cannot compose. `Ø` has no canonical decomposition, so an `O` followed by
/// U+0338 (combining long solidus overlay), as some systems export it, stays
/// two characters under NFC; we fold it to `Ø` ourselves (likewise `ø`).
public enum TextNormalization {
    public static func nfc(_ text: String) -> String {
        var result = text.precomposedStringWithCanonicalMapping
        if result.unicodeScalars.contains("\u{0338}") {
            result = result.replacingOccurrences(of: "O\u{0338}", with: "Ø").replacingOccurrences(of: "o\u{0338}", with: "ø")
        }
        return result
    }
}
