/// Percent-encoding a path for a URI, as Foundation's
/// `addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)` does, without full Foundation.
public enum PercentEncoding {
    /// `CharacterSet.urlPathAllowed`: letters, digits and `!$&'()*+,-./:;=@_~`.
    private static let hexDigits = Array("0123456789ABCDEF")
    private static let pathAllowedPunctuation = Set("!$&'()*+,-./:;=@_~".utf8)

    /// Every UTF-8 byte outside the path-allowed set, or in `alsoEncoded`, as `%XX`.
    public static func path(_ text: String, alsoEncoding alsoEncoded: String = "") -> String {
        let refused = Set(alsoEncoded.utf8)
        var result = ""
        for byte in text.utf8 {
            let isLetterOrDigit = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if (isLetterOrDigit || pathAllowedPunctuation.contains(byte)) && !refused.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }
}
