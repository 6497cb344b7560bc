import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

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
                } else if character.isLetter, let folded = baseLetter(character) {
                    spelled = String(folded)
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

    /// The ASCII letter a lowercase letter with diacritics is written on (`é`,
    /// `e` + U+0301, `ḗ` → `e`), or nil for any other letter (`ß`, `ł`, `ж`):
    /// what ICU's "strip diacritics" transform leaves as one ASCII letter, from
    /// two tables instead of ICU (whose data would cost every start of agendac).
    static func baseLetter(_ character: Character) -> Character? {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return nil }
        let base: Character
        if first.isASCII, first.properties.isAlphabetic || first.properties.numericType != nil {
            base = Character(first)
        } else if let folded = baseLetters[first] {
            base = folded
        } else {
            return nil
        }
        while let mark = scalars.next() {
            guard strippedMarks.contains(where: { $0.contains(mark.value) }) else { return nil }
        }
        return base
    }

    /// The combining marks ICU's transform removes (nonspacing diacritics as its
    /// Unicode data has them, not U+0338 and a few others), as ranges of scalars.
    private static let strippedMarks: [ClosedRange<UInt32>] = [
        0x0300...0x0337, 0x0339...0x034E, 0x0350...0x0357, 0x035D...0x0362, 0x0483...0x0487, 0x0591...0x05A1,
        0x05A3...0x05BD, 0x05BF...0x05BF, 0x05C1...0x05C2, 0x05C4...0x05C4, 0x064B...0x0652, 0x0657...0x0658,
        0x06DF...0x06E0, 0x06EA...0x06EC, 0x0730...0x074A, 0x07EB...0x07F3, 0x0818...0x0819, 0x0898...0x089F,
        0x08CA...0x08D2, 0x08E3...0x08FE, 0x093C...0x093C, 0x0951...0x0954, 0x09BC...0x09BC, 0x0A3C...0x0A3C,
        0x0ABC...0x0ABC, 0x0B3C...0x0B3C, 0x0C3C...0x0C3C, 0x0CBC...0x0CBC, 0x0E48...0x0E4B, 0x0EC8...0x0ECB,
        0x0F18...0x0F19, 0x0F35...0x0F35, 0x0F37...0x0F37, 0x0F39...0x0F39, 0x0F82...0x0F83, 0x0F86...0x0F87,
        0x0FC6...0x0FC6, 0x1037...0x1037, 0x108D...0x108D, 0x135D...0x135F, 0x17DD...0x17DD, 0x1939...0x193B,
        0x1A75...0x1A7C, 0x1A7F...0x1A7F, 0x1AB0...0x1ABD, 0x1AC1...0x1ACB, 0x1B34...0x1B34, 0x1B6B...0x1B73,
        0x1BE6...0x1BE6, 0x1C37...0x1C37, 0x1CD0...0x1CD2, 0x1CD4...0x1CE0, 0x1CE2...0x1CE8, 0x1CED...0x1CED,
        0x1CF4...0x1CF4, 0x1CF8...0x1CF9, 0x1DC4...0x1DCF, 0x1DF5...0x1DFF, 0x2CEF...0x2CF1, 0x302A...0x302D,
        0xA66F...0xA66F, 0xA67C...0xA67D, 0xA6F0...0xA6F1, 0xA8E0...0xA8F1, 0xA92B...0xA92D, 0xA9B3...0xA9B3,
        0xAABF...0xAABF, 0xAAC1...0xAAC1, 0xFB1E...0xFB1E, 0xFE20...0xFE2F, 0x102E0...0x102E0,
        0x10A38...0x10A3A, 0x10AE5...0x10AE6, 0x10D24...0x10D27, 0x10D69...0x10D6D, 0x10EFD...0x10EFF,
        0x10F46...0x10F50, 0x10F82...0x10F85, 0x110BA...0x110BA, 0x11173...0x11173, 0x111CA...0x111CA,
        0x11236...0x11236, 0x112E9...0x112E9, 0x1133B...0x1133C, 0x11366...0x1136C, 0x11370...0x11374,
        0x11446...0x11446, 0x114C3...0x114C3, 0x115C0...0x115C0, 0x116B7...0x116B7, 0x1183A...0x1183A,
        0x11943...0x11943, 0x11D42...0x11D42, 0x16AF0...0x16AF4, 0x16B30...0x16B36, 0x1D167...0x1D169,
        0x1D17B...0x1D182, 0x1D185...0x1D18B, 0x1D1AA...0x1D1AD, 0x1E130...0x1E136, 0x1E2AE...0x1E2AE,
        0x1E2EC...0x1E2EF, 0x1E5EE...0x1E5EF, 0x1E8D0...0x1E8D6, 0x1E944...0x1E946, 0x1E948...0x1E94A
    ]

    /// Every lowercase letter whose canonical decomposition is an ASCII letter and
    /// nonspacing marks, by that letter (generated from ICU's transform;
    /// `FoundationEssentialsProgramShimTests` compares every letter with it).
    private static let baseLetters: [Unicode.Scalar: Character] = {
        let lettersByBase: [(Character, String)] = [
        ("a", "àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ"),
        ("b", "ḃḅḇ"),
        ("c", "çćĉċčḉ"),
        ("d", "ďḋḍḏḑḓ"),
        ("e", "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ"),
        ("f", "ḟ"),
        ("g", "ĝğġģǧǵḡ"),
        ("h", "ĥȟḣḥḧḩḫẖ"),
        ("i", "ìíîïĩīĭįǐȉȋḭḯỉị"),
        ("j", "ĵǰ"),
        ("k", "ķǩḱḳḵ"),
        ("l", "ĺļľḷḹḻḽ"),
        ("m", "ḿṁṃ"),
        ("n", "ñńņňǹṅṇṉṋ"),
        ("o", "òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ"),
        ("p", "ṕṗ"),
        ("r", "ŕŗřȑȓṙṛṝṟ"),
        ("s", "śŝşšșṡṣṥṧṩ"),
        ("t", "ţťțṫṭṯṱẗ"),
        ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự"),
        ("v", "ṽṿ"),
        ("w", "ŵẁẃẅẇẉẘ"),
        ("x", "ẋẍ"),
        ("y", "ýÿŷȳẏẙỳỵỷỹ"),
        ("z", "źżžẑẓẕ"),
        ]
        var table: [Unicode.Scalar: Character] = [:]
        for (base, letters) in lettersByBase {
            for letter in letters.unicodeScalars { table[letter] = base }
        }
        return table
    }()
}
