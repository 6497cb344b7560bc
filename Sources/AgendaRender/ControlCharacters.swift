/// Keeps raw control characters out of output meant for a terminal or a printer.
///
/// ESC and BEL sequences, a carriage return, a form feed or a C1 control (such
/// as U+009B, which some terminals read as ESC [) could move the cursor, hide
/// text or reprogram a terminal that shows `agendac compile --to text`. Each is
/// replaced by U+FFFD, which is visible and is what `agendac check` (AG100)
/// says the part shows as. Tab and line feed are layout and stay.
enum ControlCharacters {
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The text with every unsafe control character made visible; the text itself when there is none.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isUnsafe(scalar) ? replacement : scalar)
        }
        return String(result)
    }
}
