// The PDF import's page cleaner and house-style inference on any text as
// `pdftotext -layout` would print it (form feeds between pages): no line out
// that names no line in, no letter or digit that was not in the input, and
// the inferred style file reads without findings.
import AgendaBase
import AgendaImport
import AgendaRender

func fuzzImportPages(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    let lines = PDFTextExtraction.pages(ofLayoutText: text)
    let cleaned = PageCleaner.clean(lines)
    let places = Set(lines.map { "\($0.sourceLine):\($0.page ?? 0)" })
    for line in cleaned {
        if !places.contains("\(line.sourceLine):\(line.page ?? 0)") {
            propertyFailed("a cleaned line names line \(line.sourceLine) of page \(line.page ?? 0), which the input does not have: \(line.text)")
        }
        if line.text.contains("\n") || line.text.contains("\u{0C}") { propertyFailed("a cleaned line holds a line break: \(line.text)") }
    }
    let before = letterCounts(lines.map(\.text)), after = letterCounts(cleaned.map(\.text))
    if let invented = after.first(where: { before[$0.key, default: 0] < $0.value }) {
        propertyFailed("the cleaner wrote \(invented.value) × '\(invented.key)', the input has \(before[invented.key, default: 0])")
    }
    let style = StyleInference.infer(from: cleaned)
    let read = StyleFile.read(Array(style.utf8))
    if read.style == nil || !read.diagnostics.isEmpty {
        propertyFailed("the inferred style does not read: \(read.diagnostics.map(\.message))\n\(style)")
    }
}

/// Letters and digits as a multiset of scalars.
private func letterCounts(_ texts: [String]) -> [Unicode.Scalar: Int] {
    var counts: [Unicode.Scalar: Int] = [:]
    for text in texts {
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            counts[scalar, default: 0] += 1
        }
    }
    return counts
}
