import AgendaPDF

/// One run of a typeset line: text in one face belonging to one link (or none).
struct TypesetFragment {
    var text: String
    var face: FontFace
    var link: Int?
    /// From the line's start.
    var x: Double
    var width: Double
}

struct TypesetLine {
    var fragments: [TypesetFragment] = []
    var width = 0.0
    var isEmpty: Bool { fragments.isEmpty }
}

/// Greedy line breaking on real glyph widths: words go on a line while they
/// fit; a word longer than a whole line is cut between two characters (never
/// inside one) as a last resort. Runs of spaces, tabs and newlines are one
/// space. Linear in the text: each character is measured once.
struct LineBreaker {
    var faces: Typefaces
    var size: Double

    /// The lines of `text`, the first `firstWidth` wide (a hanging label beside it), the rest `width`.
    func lines(_ text: StyledText, width: Double, firstWidth: Double? = nil) -> [TypesetLine] {
        var state = State(breaker: self, widths: (firstWidth ?? width, width))
        for piece in text.pieces {
            let metrics = faces[piece.face]
            // a segment is a slice of the piece's scalars, made a string once when it ends
            let scalars = piece.text.unicodeScalars
            var segmentStart = scalars.startIndex
            var segmentWidth = 0.0
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let scalar = scalars[index]
                let next = scalars.index(after: index)
                if scalar == LineBreaker.forcedBreak || LineBreaker.isSpace(scalar) {
                    if segmentStart < index {
                        state.word.append(Segment(text: String(scalars[segmentStart..<index]), face: piece.face, link: piece.link, width: segmentWidth))
                        segmentWidth = 0
                    }
                    segmentStart = next
                    state.endWord()
                    if scalar == LineBreaker.forcedBreak {
                        state.finishLine()
                        state.pendingSpace = nil
                    } else {
                        state.pendingSpace = (piece.face, piece.link, metrics.advance(of: " ") * size)
                    }
                } else {
                    segmentWidth += metrics.advance(of: scalar) * size
                }
                index = next
            }
            if segmentStart < scalars.endIndex {
                state.word.append(Segment(text: String(scalars[segmentStart...]), face: piece.face, link: piece.link, width: segmentWidth))
            }
        }
        state.endWord()
        state.finishLine()
        return state.lines
    }

    /// A line break written in the source (`Inline.lineBreak`), kept when the style prints lines as written.
    static let forcedBreak: Unicode.Scalar = "\u{2028}"

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x2028, 0x2029: true
        default: false
        }
    }

    struct Segment {
        var text: String
        var face: FontFace
        var link: Int?
        var width: Double
    }

    /// The line being filled and the word being read.
    struct State {
        let breaker: LineBreaker
        let widths: (first: Double, rest: Double)
        var lines: [TypesetLine] = []
        var line = TypesetLine()
        var word: [Segment] = []
        var pendingSpace: (face: FontFace, link: Int?, width: Double)?

        init(breaker: LineBreaker, widths: (Double, Double)) {
            self.breaker = breaker
            self.widths = widths
        }

        var available: Double { lines.isEmpty ? widths.first : widths.rest }

        mutating func endWord() {
            guard !word.isEmpty else { return }
            let wordWidth = word.reduce(0) { $0 + $1.width }
            if !line.isEmpty, let space = pendingSpace {
                if line.width + space.width + wordWidth <= available + 0.001 {
                    add(Segment(text: " ", face: space.face, link: space.link, width: space.width))
                    for segment in word { add(segment) }
                    word = []
                    pendingSpace = nil
                    return
                }
                finishLine()
            }
            pendingSpace = nil
            if line.width + wordWidth <= available + 0.001 {
                for segment in word { add(segment) }
            } else {
                for segment in word { addCuttingCharacters(segment) }
            }
            word = []
        }

        /// A word too long for a line, cut between characters where the line is full.
        mutating func addCuttingCharacters(_ segment: Segment) {
            let metrics = breaker.faces[segment.face]
            var piece = ""
            var pieceWidth = 0.0
            for character in segment.text {
                var characterWidth = 0.0
                for scalar in character.unicodeScalars { characterWidth += metrics.advance(of: scalar) * breaker.size }
                if line.width + pieceWidth + characterWidth > available + 0.001, !(line.isEmpty && piece.isEmpty) {
                    if !piece.isEmpty { add(Segment(text: piece, face: segment.face, link: segment.link, width: pieceWidth)) }
                    finishLine()
                    piece = ""
                    pieceWidth = 0
                }
                piece.append(character)
                pieceWidth += characterWidth
            }
            if !piece.isEmpty { add(Segment(text: piece, face: segment.face, link: segment.link, width: pieceWidth)) }
        }

        /// Joins the last fragment when face and link are the same.
        mutating func add(_ segment: Segment) {
            if let last = line.fragments.indices.last, line.fragments[last].face == segment.face, line.fragments[last].link == segment.link {
                line.fragments[last].text += segment.text
                line.fragments[last].width += segment.width
            } else {
                line.fragments.append(TypesetFragment(text: segment.text, face: segment.face, link: segment.link, x: line.width, width: segment.width))
            }
            line.width += segment.width
        }

        mutating func finishLine() {
            guard !line.isEmpty else { return }
            lines.append(line)
            line = TypesetLine()
        }
    }
}
