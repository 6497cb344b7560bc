// The logical structure (ISO 32000-1, 14.7): structure elements with their
// kids, the parent tree that leads from content back to its element, and the
// root. Kids are ordered as `LaidOutDocument.structure` documents: an
// element's child elements in array order, its own content pieces (marked
// content and link annotations) in content order, each child placed before
// the first own piece that comes after the child's earliest content.

struct StructureTreeBuilder {
    enum Piece {
        case markedContent(mcid: Int)
        case annotation(PDFReference)
    }

    private let elements: [StructureElement]
    private let pageCount: Int
    /// Every piece in content order (pages in order, each page's stream in order, its annotations last).
    private var pieces: [(element: Int, page: Int, piece: Piece)] = []
    private var ownPieces: [[Int]]
    /// Per page, the element of each MCID in order.
    private var pageParents: [[Int]]
    private var annotationParents: [Int] = []

    init(elements: [StructureElement], pageCount: Int) throws {
        guard let root = elements.first, root.parent == nil else { throw PDFWriterError.structure("element 0 must be the root, without a parent") }
        for (index, element) in elements.enumerated().dropFirst() {
            guard let parent = element.parent, parent >= 0, parent < index else {
                throw PDFWriterError.structure("element \(index) (\(element.role.rawValue)) must have a parent that comes before it in the array")
            }
        }
        self.elements = elements
        self.pageCount = pageCount
        ownPieces = Array(repeating: [], count: elements.count)
        pageParents = Array(repeating: [], count: pageCount)
    }

    func isElement(_ id: StructureElementID) -> Bool { elements.indices.contains(id) }

    func role(of id: StructureElementID) -> StructureRole { elements.indices.contains(id) ? elements[id].role : .span }

    /// The MCID for new marked content of `element` on `page`.
    mutating func addMarkedContent(element: StructureElementID, page: Int) -> Int {
        let mcid = pageParents[page].count
        pageParents[page].append(element)
        ownPieces[element].append(pieces.count)
        pieces.append((element, page, .markedContent(mcid: mcid)))
        return mcid
    }

    /// The `/StructParent` key for a link annotation of `element`.
    mutating func addAnnotation(element: StructureElementID, page: Int, annotation: PDFReference) -> Int {
        let key = pageCount + annotationParents.count
        annotationParents.append(element)
        ownPieces[element].append(pieces.count)
        pieces.append((element, page, .annotation(annotation)))
        return key
    }

    /// Writes the elements, the parent tree and the root; returns the root.
    func write(into file: inout PDFFile, pages: [PDFReference]) -> PDFReference {
        let rootReference = file.allocate()
        let references = elements.map { _ in file.allocate() }
        let children = childLists()
        let earliest = earliestContent(children: children)
        for (index, element) in elements.enumerated() {
            var dictionary = PDFDictionary()
            dictionary["Type"] = .name("StructElem")
            dictionary["S"] = .name(element.role.rawValue)
            dictionary["P"] = .reference(element.parent.map { references[$0] } ?? rootReference)
            let home = ownPieces[index].first.map { pieces[$0].page }
            if let home { dictionary["Pg"] = .reference(pages[home]) }
            if let title = element.title { dictionary["T"] = .text(title) }
            if let language = element.language { dictionary["Lang"] = .text(language) }
            if let alternate = element.alternateText { dictionary["Alt"] = .text(alternate) }
            if let actual = element.actualText { dictionary["ActualText"] = .text(actual) }
            if let scope = element.scope {
                dictionary["A"] = .dictionary(PDFDictionary(["O": .name("Table"), "Scope": .name(scope.rawValue)]))
            }
            var kids: [PDFObject] = []
            var childIndex = 0
            let childList = children[index]
            for pieceIndex in ownPieces[index] {
                while childIndex < childList.count, (earliest[childList[childIndex]] ?? -1) < pieceIndex {
                    kids.append(.reference(references[childList[childIndex]]))
                    childIndex += 1
                }
                kids.append(kid(pieces[pieceIndex], home: home, pages: pages))
            }
            for child in childList[childIndex...] { kids.append(.reference(references[child])) }
            if kids.count == 1, let only = kids.first { dictionary["K"] = only } else if !kids.isEmpty { dictionary["K"] = .array(kids) }
            file.set(references[index], .dictionary(dictionary))
        }
        var nums: [PDFObject] = []
        for (page, parents) in pageParents.enumerated() {
            nums.append(.integer(page))
            nums.append(.array(parents.map { .reference(references[$0]) }))
        }
        for (offset, element) in annotationParents.enumerated() {
            nums.append(.integer(pageCount + offset))
            nums.append(.reference(references[element]))
        }
        let parentTree = file.add(.dictionary(PDFDictionary(["Nums": .array(nums)])))
        var root = PDFDictionary()
        root["Type"] = .name("StructTreeRoot")
        root["K"] = .reference(references[0])
        root["ParentTree"] = .reference(parentTree)
        root["ParentTreeNextKey"] = .integer(pageCount + annotationParents.count)
        file.set(rootReference, .dictionary(root))
        return rootReference
    }

    private func kid(_ entry: (element: Int, page: Int, piece: Piece), home: Int?, pages: [PDFReference]) -> PDFObject {
        switch entry.piece {
        case .markedContent(let mcid):
            if entry.page == home { return .integer(mcid) }
            return .dictionary(PDFDictionary(["Type": .name("MCR"), "Pg": .reference(pages[entry.page]), "MCID": .integer(mcid)]))
        case .annotation(let annotation):
            return .dictionary(PDFDictionary(["Type": .name("OBJR"), "Pg": .reference(pages[entry.page]), "Obj": .reference(annotation)]))
        }
    }

    private func childLists() -> [[Int]] {
        var children = Array(repeating: [Int](), count: elements.count)
        for (index, element) in elements.enumerated() {
            if let parent = element.parent { children[parent].append(index) }
        }
        return children
    }

    /// The first piece of each element's subtree (nil when it has none), one
    /// pass from the leaves up: parents always come before their children.
    private func earliestContent(children: [[Int]]) -> [Int?] {
        var earliest: [Int?] = ownPieces.map { $0.first }
        for index in elements.indices.reversed() {
            guard let mine = earliest[index], let parent = elements[index].parent else { continue }
            earliest[parent] = min(earliest[parent] ?? mine, mine)
        }
        return earliest
    }
}
