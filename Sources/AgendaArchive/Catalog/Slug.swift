import AgendaBase
import Foundation

/// Path-safe names for committees: lowercase ASCII letters, digits and single
/// hyphens, Danish letters spelt out (æ → ae, ø → oe, å → aa), so that URLs
/// and file names are the same on every file system and web server.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in TextNormalization.nfc(text).lowercased() {
            let spelled: String
            switch character {
            case "æ": spelled = "ae"
            case "ø": spelled = "oe"
            case "å": spelled = "aa"
            case "ü": spelled = "ue"
            case "ö": spelled = "oe"
            case "ä": spelled = "ae"
            default:
                if character.isASCII, character.isLetter || character.isNumber {
                    spelled = String(character)
                } else if character.isLetter,
                          let folded = String(character).applyingTransform(.stripDiacritics, reverse: false),
                          folded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !folded.isEmpty {
                    spelled = folded
                } else {
                    spelled = ""
                }
            }
            if spelled.isEmpty {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen { result += "-" }
            pendingHyphen = false
            result += spelled
        }
        if result.count > 80 { result = String(result.prefix(80)) }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "udvalg" : result
    }
}
