import AgendaPDF

/// The running header (from the second page) and footer (every page), as
/// pagination artifacts: assistive tools skip them, the reader sees them.
extension PDFComposer {
    /// `header` and `footer` with `{page}` and `{pages}` filled in.
    mutating func addRunningText(header: String?, footer: String) {
        let style = styles.running
        let geometry = flow.geometry
        let count = flow.pages.count
        for index in 0..<count {
            let pageNumber = footer.replacingOccurrences(of: "{page}", with: String(index + 1))
                .replacingOccurrences(of: "{pages}", with: String(count))
            if let line = flow.lines(StyledText(pageNumber), style: style, width: geometry.contentWidth).first {
                let x = geometry.left + (geometry.contentWidth - line.width) / 2
                addArtifact(line, x: x, baseline: geometry.bottom / 2, page: index, style: style)
            }
            guard index > 0, let header else { continue }
            let headerText = header.replacingOccurrences(of: "{page}", with: String(index + 1)).replacingOccurrences(of: "{pages}", with: String(count))
            guard let line = flow.lines(StyledText(headerText), style: style, width: geometry.contentWidth).first else { continue }
            let baseline = geometry.height - geometry.top / 2
            addArtifact(line, x: geometry.left, baseline: baseline, page: index, style: style)
            flow.pages[index].rules.append(RuleLine(x1: geometry.left, y1: baseline - 4, x2: geometry.left + geometry.contentWidth, y2: baseline - 4,
                                                    width: 0.4, color: style.color, owner: .artifact(.pagination)))
        }
    }

    mutating func addArtifact(_ line: TypesetLine, x: Double, baseline: Double, page: Int, style: TextStyle) {
        for fragment in line.fragments {
            flow.pages[page].texts.append(TextRun(text: fragment.text, x: x + fragment.x, y: baseline, face: fragment.face, size: style.size,
                                                  color: style.color, owner: .artifact(.pagination)))
        }
    }

    /// Placeholders never filled (an entry whose item has no page) leave nothing behind.
    mutating func dropEmptyRuns() {
        for index in flow.pages.indices where flow.pages[index].texts.contains(where: \.text.isEmpty) {
            flow.pages[index].texts.removeAll { $0.text.isEmpty }
        }
    }
}
