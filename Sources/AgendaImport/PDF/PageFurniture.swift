/// Running headers and footers and page numbers: the lines at the top and
/// bottom of a page that belong to the page, not to the text. A line is
/// furniture when what it says (digits aside, so "Side 3 af 12" and a date are
/// the same on every page) stands near the same edge of most pages, or when it
/// is a page number alone ("3", "- 3 -", "Side 3 af 12", "3/12").
enum PageFurniture {
    /// How many non-blank lines at each edge of a page can be furniture.
    static let zone = 3

    /// The pages without their furniture and without blank lines at their edges.
    static func remove(from pages: [[ImportLine]]) -> [[ImportLine]] {
        let pageCount = pages.count
        var topCounts: [String: Int] = [:], bottomCounts: [String: Int] = [:]
        let edges = pages.map { page -> (top: [Int], bottom: [Int]) in
            var top: [Int] = [], bottom: [Int] = []
            var index = 0
            while index < page.count, top.count < zone {
                if !isBlank(page[index].text) { top.append(index) }
                index += 1
            }
            index = page.count - 1
            while index >= 0, bottom.count < zone {
                if !isBlank(page[index].text) { bottom.append(index) }
                index -= 1
            }
            return (top, bottom)
        }
        for (page, edge) in zip(pages, edges) {
            for signature in Set(edge.top.map { signature(page[$0].text) }) { topCounts[signature, default: 0] += 1 }
            for signature in Set(edge.bottom.map { signature(page[$0].text) }) { bottomCounts[signature, default: 0] += 1 }
        }
        // "Most pages": half of them, and at least two, so one page's own first line is never taken for a header.
        let needed = max(2, (pageCount + 1) / 2)
        func repeats(_ counts: [String: Int], _ text: String) -> Bool {
            pageCount >= 2 && counts[signature(text), default: 0] >= needed
        }
        var result: [[ImportLine]] = []
        result.reserveCapacity(pageCount)
        for (page, edge) in zip(pages, edges) {
            var dropped = Set<Int>()
            // From each edge inwards, while the lines are furniture: the first line of text ends it,
            // and so does a second line saying the same (a title below a header that repeats it).
            for edgeLines in [(edge.top, topCounts), (edge.bottom, bottomCounts)] {
                var said = Set<String>()
                for index in edgeLines.0 {
                    let text = page[index].text
                    guard repeats(edgeLines.1, text) || isPageNumber(text), said.insert(signature(text)).inserted else { break }
                    dropped.insert(index)
                }
            }
            var kept: [ImportLine] = []
            for index in page.indices where !dropped.contains(index) { kept.append(page[index]) }
            while let first = kept.first, isBlank(first.text) { kept.removeFirst() }
            while let last = kept.last, isBlank(last.text) { kept.removeLast() }
            result.append(kept)
        }
        return result
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// What a line says with its digits and spacing left out, in lowercase, so
    /// "Side 3 af 12" and "Side 4 af 12", or a date, read the same on every page.
    static func signature(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true, lastWasDigit = false
        for scalar in text.unicodeScalars.prefix(300) {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                lastWasDigit = false
            } else if scalar.properties.numericType != nil {
                if !lastWasDigit { out.append("#") }
                lastWasDigit = true
                lastWasSpace = false
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                lastWasSpace = false
                lastWasDigit = false
            }
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// A page number alone: "3", "- 3 -", "Side 3", "Side 3 af 12", "Page 3 of 12", "3 af 12", "3/12", "s. 3".
    static func isPageNumber(_ text: String) -> Bool {
        let dashes: Set<Character> = ["-", "–", "—", " ", "\t", "(", ")", "[", "]"]
        var characters = Substring(text.lowercased())
        while let first = characters.first, dashes.contains(first) { characters.removeFirst() }
        while let last = characters.last, dashes.contains(last) { characters.removeLast() }
        let tokens = characters.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "/" })
        guard !tokens.isEmpty, tokens.count <= 4, characters.count <= 30 else { return false }
        func isNumber(_ token: Substring) -> Bool { (1...4).contains(token.count) && token.allSatisfy(\.isASCII) && token.allSatisfy(\.isNumber) }
        let pageWords: Set<Substring> = ["side", "page", "s.", "p.", "pg.", "sd."]
        let ofWords: Set<Substring> = ["af", "of", "ud", "fra"]
        switch tokens.count {
        case 1: return isNumber(tokens[0])
        case 2: return (pageWords.contains(tokens[0]) && isNumber(tokens[1]))
            || (characters.contains("/") && isNumber(tokens[0]) && isNumber(tokens[1]))
        case 3: return (isNumber(tokens[0]) && ofWords.contains(tokens[1]) && isNumber(tokens[2]))
            || (pageWords.contains(tokens[0]) && isNumber(tokens[1]) && isNumber(tokens[2]) && characters.contains("/"))
        default: return pageWords.contains(tokens[0]) && isNumber(tokens[1]) && ofWords.contains(tokens[2]) && isNumber(tokens[3])
        }
    }
}
