// The document outline (bookmarks, ISO 32000-1, 12.3.3) from the flat list
// of entries: every entry open, so each `/Count` is its number of descendants.

enum OutlineWriter {
    static func write(_ entries: [OutlineEntry], pages: [PDFReference], into file: inout PDFFile) throws -> PDFReference? {
        guard !entries.isEmpty else { return nil }
        var children = Array(repeating: [Int](), count: entries.count)
        var topLevel: [Int] = []
        for (index, entry) in entries.enumerated() {
            guard pages.indices.contains(entry.pageIndex) else { throw PDFWriterError.pageOutOfRange(entry.pageIndex, what: "outline entry \(index)") }
            if let parent = entry.parent {
                guard parent >= 0, parent < index else { throw PDFWriterError.outline(index, "its parent must come before it in the list") }
                children[parent].append(index)
            } else {
                topLevel.append(index)
            }
        }
        var descendants = Array(repeating: 0, count: entries.count)
        for index in entries.indices.reversed() {
            if let parent = entries[index].parent { descendants[parent] += 1 + descendants[index] }
        }
        let root = file.allocate()
        let references = entries.map { _ in file.allocate() }
        func link(_ siblings: [Int], into dictionary: inout PDFDictionary) {
            guard let first = siblings.first, let last = siblings.last else { return }
            dictionary["First"] = .reference(references[first])
            dictionary["Last"] = .reference(references[last])
        }
        var rootDictionary = PDFDictionary(["Type": .name("Outlines")])
        link(topLevel, into: &rootDictionary)
        rootDictionary["Count"] = .integer(entries.count)
        file.set(root, .dictionary(rootDictionary))
        for siblings in [topLevel] + children {
            for (position, index) in siblings.enumerated() {
                let entry = entries[index]
                var dictionary = PDFDictionary()
                dictionary["Title"] = .text(entry.title)
                dictionary["Parent"] = .reference(entry.parent.map { references[$0] } ?? root)
                if position > 0 { dictionary["Prev"] = .reference(references[siblings[position - 1]]) }
                if position + 1 < siblings.count { dictionary["Next"] = .reference(references[siblings[position + 1]]) }
                link(children[index], into: &dictionary)
                if descendants[index] > 0 { dictionary["Count"] = .integer(descendants[index]) }
                dictionary["Dest"] = .array([.reference(pages[entry.pageIndex]), .name("XYZ"), .null, .number(entry.top), .null])
                file.set(references[index], .dictionary(dictionary))
            }
        }
        return root
    }
}
