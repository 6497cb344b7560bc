import AgendaArchive
import AgendaBase
import AgendaIDE
import AgendaSemantics
import Foundation
import Testing

/// IDE fixtures: `Tests/Fixtures/ide/<feature>/<case>.agenda` beside `<case>.expected`.
///
/// Markers written in the fixture text (mathematical angle brackets, which
/// never occur in real agendas; the runner removes them before analysis):
///
/// - `⟨|⟩` a cursor; a fixture may hold several, each rendered in turn;
/// - `⟨[⟩` … `⟨]⟩` a range (code actions).
///
/// A comment line `// fixture: …` at the top sets options: `kle-plan` (use
/// `Tests/Fixtures/ide/kle/plan.xml`), `kle-history` (the KLE-XML in KL's
/// structure of `Tests/Fixtures/rules/kle-history/KLE`), `no-settings`, `no-workspace`, and
/// `query: text` (workspace symbols; may be repeated).
///
/// Every fixture sees the settings `Tests/Fixtures/ide/agendac.json` and the
/// workspace `Tests/Fixtures/ide/workspace/*.agenda` (identifiers
/// `workspace/<file>`); the fixture itself is in the workspace as `<feature>/<case>.agenda`.
struct IDEFixture {
    static let cursorMarker = "⟨|⟩"
    static let rangeStartMarker = "⟨[⟩"
    static let rangeEndMarker = "⟨]⟩"

    static var root: URL { Golden.fixtures.appendingPathComponent("ide") }

    let url: URL
    let id: String
    let document: AnalyzedDocument
    let cursors: [Int]
    let ranges: [Range<Int>]
    let options: [String]
    let context: IDEContext

    var source: SourceText { document.source }
    var queries: [String] { options.compactMap { $0.hasPrefix("query:") ? String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) : nil } }

    init(_ url: URL) {
        self.url = url
        id = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        let (text, cursors, ranges) = IDEFixture.stripMarkers(Golden.read(url))
        self.cursors = cursors
        self.ranges = ranges
        options = text.split(separator: "\n").prefix { $0.hasPrefix("//") }.compactMap { line in
            line.hasPrefix("// fixture:") ? String(line.dropFirst("// fixture:".count)).trimmingCharacters(in: .whitespaces) : nil
        }
        let settings = options.contains("no-settings") ? nil : IDEFixture.settings
        let plan = options.contains("kle-plan") ? IDEFixture.plan : options.contains("kle-history") ? IDEFixture.historyPlan : nil
        let checkContext = CheckContext(fileURL: url, settings: settings, klePlan: plan, fileExists: { _ in true })
        document = AnalyzedDocument(source: SourceText(text), context: checkContext)
        var workspace = options.contains("no-workspace") ? WorkspaceIndex() : IDEFixture.workspace
        workspace.update(document, id: id)
        let archive = options.contains("archive") ? IDEFixture.archive : nil
        context = IDEContext(documentID: id, settings: settings, klePlan: plan, workspace: workspace, archive: archive)
    }

    /// `// fixture: archive`: the archive of the samples and `Tests/Fixtures/archive/meetings`,
    /// its sources where they lie in the package.
    static let archive = ArchiveContext(snapshot: ArchiveFixture.snapshot, root: Golden.packageRoot)

    /// The cases of one feature folder.
    static func cases(_ feature: String) -> [URL] { Golden.inputs("ide/" + feature) }

    /// Compares the rendering with `<case>.expected`.
    func check(_ rendering: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(rendering, against: url.deletingPathExtension().appendingPathExtension("expected"), sourceLocation: sourceLocation)
    }

    // MARK: Shared workspace

    static let settings: WorkspaceSettings? = {
        guard case .success(let settings) = WorkspaceSettings.load(root.appendingPathComponent("agendac.json")) else { return nil }
        return settings
    }()

    static let plan: KLEPlan? = {
        guard case .success(let plan) = KLEPlan.load(root.appendingPathComponent("kle/plan.xml")) else { return nil }
        return plan
    }()

    static let historyPlan: KLEPlan? = {
        guard case .success(let plan) = KLEPlan.load(Golden.fixtures.appendingPathComponent("rules/kle-history/KLE")) else { return nil }
        return plan
    }()

    static let workspace: WorkspaceIndex = {
        var index = WorkspaceIndex()
        let folder = root.appendingPathComponent("workspace")
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "agenda" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        for file in files {
            let context = CheckContext(fileURL: file, settings: settings, fileExists: { _ in true })
            index.update(AnalyzedDocument(source: SourceText(bytes: Golden.bytes(file)), context: context), id: "workspace/" + file.lastPathComponent)
        }
        return index
    }()

    // MARK: Markers

    /// The text without markers, the cursor offsets and the ranges (UTF-8 offsets into the stripped text).
    static func stripMarkers(_ marked: String) -> (String, [Int], [Range<Int>]) {
        var output: [UInt8] = []
        var cursors: [Int] = []
        var ranges: [Range<Int>] = []
        var openRange: Int?
        let bytes = Array(marked.utf8)
        let markers = [(Array(cursorMarker.utf8), 0), (Array(rangeStartMarker.utf8), 1), (Array(rangeEndMarker.utf8), 2)]
        var index = 0
        scan: while index < bytes.count {
            for (marker, kind) in markers where index + marker.count <= bytes.count && Array(bytes[index..<(index + marker.count)]) == marker {
                switch kind {
                case 0: cursors.append(output.count)
                case 1: openRange = output.count
                default:
                    if let start = openRange { ranges.append(start..<output.count) }
                    openRange = nil
                }
                index += marker.count
                continue scan
            }
            output.append(bytes[index])
            index += 1
        }
        return (String(decoding: output, as: UTF8.self), cursors, ranges)
    }

    // MARK: Rendering helpers

    /// `line:column`, 1-based, the column counted in Unicode scalars.
    static func position(_ offset: Int, in source: SourceText) -> String {
        let position = source.position(of: offset, unit: .unicodeScalars)
        return "\(position.line + 1):\(position.column + 1)"
    }

    static func span(_ range: Range<Int>, in source: SourceText) -> String {
        "\(position(range.lowerBound, in: source))-\(position(range.upperBound, in: source))"
    }

    /// Text shown quoted on one line: newlines and tabs escaped, long text shortened in the middle.
    static func quoted(_ text: String, limit: Int = 70) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\"", with: "\\\"")
        if escaped.count > limit {
            escaped = String(escaped.prefix(limit / 2 - 1)) + "…" + String(escaped.suffix(limit / 2 - 1))
        }
        return "\"\(escaped)\""
    }

    /// The cursor's line with `|` at the cursor, for headings of renderings.
    func cursorLine(_ offset: Int) -> String {
        let line = source.lineRange(source.line(containing: offset))
        return source.text(line.lowerBound..<offset) + "|" + source.text(offset..<line.upperBound)
    }

    func heading(_ offset: Int) -> String {
        "── \(IDEFixture.position(offset, in: source))  \(cursorLine(offset))"
    }

    /// A location in this fixture or a workspace document.
    func location(_ location: Location) -> String {
        if let archive = context.archive, let archived = archive.source(ofDocumentID: location.documentID),
           let path = archive.sourcePath(ofDocumentID: location.documentID) {
            return "archive \(path) \(IDEFixture.span(location.range, in: archived)) \(IDEFixture.quoted(archived.text(location.range)))"
        }
        guard let other = context.workspace.document(location.documentID) else { return "\(location.documentID) (not in the workspace)" }
        let source = location.documentID == id ? self.source : other.source
        return "\(location.documentID) \(IDEFixture.span(location.range, in: source)) \(IDEFixture.quoted(source.text(location.range)))"
    }

    /// The text after applying edits (last first, so earlier offsets stay valid).
    func applying(_ edits: [TextEdit]) -> String {
        var bytes = source.bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let lower = max(0, min(edit.range.lowerBound, bytes.count))
            let upper = max(lower, min(edit.range.upperBound, bytes.count))
            bytes.replaceSubrange(lower..<upper, with: Array(edit.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
