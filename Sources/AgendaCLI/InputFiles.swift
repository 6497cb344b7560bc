import AgendaBase
import AgendaSemantics
import Foundation

/// Reading agenda files for the commands.
enum InputFiles {
    static let fileExtension = "agenda"

    /// Expands folders into the `.agenda` files below them (sorted), keeping files as given.
    static func expand(_ paths: [String], io: CommandIO) throws(UsageError) -> [URL] {
        var result: [URL] = []
        for path in paths {
            let url = io.resolve(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw UsageError("\(path): no such file or folder")
            }
            if isFolder.boolValue {
                let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
                var found: [URL] = []
                while let next = enumerator?.nextObject() as? URL {
                    if next.pathExtension == fileExtension { found.append(next) }
                }
                result += found.sorted { $0.path < $1.path }
            } else {
                result.append(url)
            }
        }
        return result
    }

    static func read(_ url: URL) throws(UsageError) -> SourceText {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UsageError("\(url.path): cannot be read")
        }
        return SourceText(bytes: Array(data))
    }

    /// Reads, discovers the workspace settings, and analyzes one file.
    static func analyze(_ url: URL) throws(UsageError) -> (AnalyzedDocument, [Diagnostic]) {
        let source = try read(url)
        let (context, settingsProblems) = CheckContext.discover(for: url)
        return (AnalyzedDocument(source: source, context: context), settingsProblems)
    }

    /// The path as shown in messages: relative to the current folder when below it.
    static func displayPath(_ url: URL, io: CommandIO) -> String {
        let base = io.currentDirectory.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
