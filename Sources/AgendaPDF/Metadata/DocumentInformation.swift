// The document information dictionary (ISO 32000-1, 14.3.3) and its dates.
// PDF/A asks that it says the same as the XMP metadata; both are made from
// `DocumentMetadata` here and in `XMPMetadata`.

extension PDFDate {
    private var clamped: (year: Int, month: Int, day: Int, hour: Int, minute: Int, offset: Int) {
        (min(9999, max(0, year)), min(12, max(1, month)), min(31, max(1, day)), min(23, max(0, hour)), min(59, max(0, minute)),
         min(14 * 60, max(-14 * 60, utcOffsetMinutes)))
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    private static func four(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value) }

    /// `D:YYYYMMDDHHmmSS+HH'mm'` (7.9.4).
    public var pdfString: String {
        let date = clamped
        let sign = date.offset < 0 ? "-" : "+"
        let offset = abs(date.offset)
        return "D:\(Self.four(date.year))\(Self.two(date.month))\(Self.two(date.day))\(Self.two(date.hour))\(Self.two(date.minute))00"
            + "\(sign)\(Self.two(offset / 60))'\(Self.two(offset % 60))'"
    }

    /// `YYYY-MM-DDTHH:mm:SS+HH:mm` (XMP, ISO 8601).
    public var xmpString: String {
        let date = clamped
        let sign = date.offset < 0 ? "-" : "+"
        let offset = abs(date.offset)
        return "\(Self.four(date.year))-\(Self.two(date.month))-\(Self.two(date.day))T\(Self.two(date.hour)):\(Self.two(date.minute)):00"
            + "\(sign)\(Self.two(offset / 60)):\(Self.two(offset % 60))"
    }
}

enum DocumentInformation {
    static func dictionary(_ metadata: DocumentMetadata) -> PDFDictionary {
        var info = PDFDictionary()
        info["Title"] = .text(metadata.title)
        info["Author"] = .text(metadata.author)
        info["Subject"] = .text(metadata.subject)
        if !metadata.keywords.isEmpty { info["Keywords"] = .text(metadata.keywords.joined(separator: ", ")) }
        info["Creator"] = .text(metadata.producer)
        info["Producer"] = .text(metadata.producer)
        info["CreationDate"] = .ascii(metadata.creationDate.pdfString)
        info["ModDate"] = .ascii(metadata.creationDate.pdfString)
        return info
    }
}
