/// Turns the printed lines of a PDF's pages (`pdftotext -layout`) into the
/// lines of a text as secretaries write it, the form the recogniser reads:
///
/// - running headers and footers and page numbers dropped (`PageFurniture`);
/// - each paragraph, heading, list entry and contents entry on one line, with
///   a blank line between them: lines the layout wrapped are joined again,
///   across pages too, and words hyphenated at a line's end made whole
///   ("be-" / "slutning" → "beslutning", while "KL-" / "aftale" stays
///   "KL-aftale" and "Ældre-" / "og Sundhedsudvalget" keeps its hyphen);
/// - the layout's indentation and column spacing taken out, bullets ("•")
///   written as the language's `- `, a contents entry as "title.....⇥page";
/// - tables (text in columns over several lines) as the language's table rows
///   (`LayoutTable`).
///
/// A pure function, linear in its input; every line it gives keeps the source
/// line and page of the first printed line it was made from.
public enum PageCleaner {
    /// The lines of a PDF's pages (grouped by their `page`), cleaned.
    public static func clean(_ lines: [ImportLine]) -> [ImportLine] {
        var pages: [[ImportLine]] = []
        for line in lines {
            if let last = pages.last?.last, last.page == line.page {
                pages[pages.count - 1].append(line)
            } else {
                pages.append([line])
            }
        }
        return clean(pages: pages)
    }

    /// The lines of each page in order, cleaned.
    public static func clean(pages: [[ImportLine]]) -> [ImportLine] {
        let bodies = PageFurniture.remove(from: pages)
        var layout: [LayoutLine] = []
        for (number, page) in bodies.enumerated() {
            var blank = false, first = true
            for line in page {
                if PageFurniture.isBlank(line.text) {
                    blank = true
                    continue
                }
                layout.append(LayoutLine(line, blankBefore: blank && !first, pageBreakBefore: first && number > 0 && !layout.isEmpty))
                blank = false
                first = false
            }
        }
        return Reflow(layout).output()
    }
}
