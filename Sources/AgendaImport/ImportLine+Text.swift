extension ImportLine {
    /// The lines of a plain or Markdown-flavoured text file, numbered from 1.
    /// A line ends at `\n`, `\r\n` or a lone `\r`, as in `SourceText`; a form
    /// feed starts a new page (what `pdftotext` writes between pages), so the
    /// same reader serves its output. Markdown is kept as written (`**bold**`
    /// is the language's own bold; `#` headings are read by the recogniser).
    /// Linear in the text's length.
    public static func lines(ofText text: String) -> [ImportLine] {
        var lines: [ImportLine] = []
        var current: [UInt8] = []
        var lineNumber = 1
        var page = 1
        var sawFormFeed = false
        var previousWasCR = false
        func finish() {
            lines.append(ImportLine(text: String(decoding: current, as: UTF8.self), sourceLine: lineNumber, page: page))
            current.removeAll(keepingCapacity: true)
            lineNumber += 1
        }
        for byte in text.utf8 {
            if previousWasCR {
                previousWasCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0A: finish()
            case 0x0D:
                finish()
                previousWasCR = true
            case 0x0C:
                // a page break: the lines after it are on the next page
                sawFormFeed = true
                page += 1
            default: current.append(byte)
            }
        }
        if !current.isEmpty { finish() }
        if !sawFormFeed {
            // a text without pages: no line names one
            for index in lines.indices { lines[index].page = nil }
        }
        return lines
    }
}
