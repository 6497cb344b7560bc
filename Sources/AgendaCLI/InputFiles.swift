import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Reading agenda files for the commands.
enum InputFiles {
    static let fileExtension = "agenda"

    /// A path that could not be used (a dangling link, a FIFO, a folder that cannot
    /// be listed, a name that is not UTF-8), with the reason, for one line on standard error.
    struct Unreadable: Error, Equatable {
        var path: String
        var reason: String
        var message: String { "\(path): \(reason)" }
    }

    /// The files to work on, and the entries that had to be left out.
    struct Expansion {
        var files: [URL] = []
        var unreadable: [Unreadable] = []
    }

    /// Expands folders into the `.agenda` files below them (sorted), keeping files
    /// as given. Entries that cannot be used are collected, never fatal, so one bad
    /// entry does not hide the findings in the others. Symbolic links to folders
    /// are not followed (they could loop); links to files are.
    static func expand(_ paths: [String], io: CommandIO) throws(UsageError) -> Expansion {
        var expansion = Expansion()
        for path in paths {
            guard !path.isEmpty else { throw UsageError("an empty path names no file or folder; use . for the current folder") }
            let url = io.resolve(path)
            var status = stat()
            guard stat(url.path, &status) == 0 else {
                if lstat(url.path, &status) == 0 {
                    expansion.unreadable.append(Unreadable(path: path, reason: "a symbolic link to a file that does not exist"))
                    continue
                }
                throw UsageError("\(path): no such file or folder")
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                let found = agendaFiles(below: url, display: path)
                expansion.files += found.files.sorted { $0.path < $1.path }
                expansion.unreadable += found.unreadable
            } else if let reason = notARegularFile(status.st_mode) {
                expansion.unreadable.append(Unreadable(path: path, reason: reason))
            } else {
                expansion.files.append(url)
            }
        }
        return expansion
    }

    /// Walks a folder with an explicit stack (no recursion on the depth of the tree).
    private static func agendaFiles(below root: URL, display: String) -> Expansion {
        var result = Expansion()
        var folders: [(path: String, display: String)] = [(root.path, display)]
        while let (folder, shown) = folders.popLast() {
            guard let directory = opendir(folder) else {
                result.unreadable.append(Unreadable(path: shown, reason: "the folder cannot be read (\(String(cString: strerror(errno))))"))
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if nameBytes == Array(".".utf8) || nameBytes == Array("..".utf8) { continue }
                let shownChild = (shown == "." ? "" : shown.hasSuffix("/") ? shown : shown + "/") + escaped(nameBytes)
                guard let name = String(validating: nameBytes, as: UTF8.self) else {
                    if nameBytes.reversed().starts(with: Array(".\(fileExtension)".utf8).reversed()) || entry.pointee.d_type == UInt8(DT_DIR) {
                        result.unreadable.append(Unreadable(path: shownChild, reason: "the name is not UTF-8; rename it"))
                    }
                    continue
                }
                let path = folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else {
                    result.unreadable.append(Unreadable(path: shownChild, reason: String(cString: strerror(errno))))
                    continue
                }
                let type = status.st_mode & S_IFMT
                if type == S_IFDIR {
                    folders.append((path, shownChild))
                    continue
                }
                guard name.hasSuffix(".\(fileExtension)") else { continue }
                if type == S_IFLNK {
                    guard stat(path, &status) == 0 else {
                        result.unreadable.append(Unreadable(path: shownChild, reason: "a symbolic link to a file that does not exist"))
                        continue
                    }
                }
                if let reason = notARegularFile(status.st_mode) {
                    result.unreadable.append(Unreadable(path: shownChild, reason: reason))
                } else {
                    result.files.append(URL(fileURLWithPath: path))
                }
            }
        }
        return result
    }

    /// Why a file of this mode is not read as an agenda (a FIFO would block the read forever).
    private static func notARegularFile(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder, not an agenda file"
        case S_IFIFO: "a FIFO, not a regular file"
        case S_IFSOCK: "a socket, not a regular file"
        case S_IFCHR, S_IFBLK: "a device, not a regular file"
        default: "not a regular file"
        }
    }

    /// A file name for messages: bytes that are not UTF-8 shown as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = UTF8Sequence.length(of: bytes, at: index)
            if let piece = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                result += piece
            } else {
                for byte in bytes[index..<(index + length)] { result += "\\x" + String(byte, radix: 16, uppercase: true) }
            }
            index += length
        }
        return result
    }

    /// Reads one file; a FIFO or device is refused before it is opened (a read could block forever).
    static func read(_ url: URL, io: CommandIO) throws(Unreadable) -> SourceText {
        let shown = displayPath(url, io: io)
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw Unreadable(path: shown, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        if let reason = notARegularFile(status.st_mode) { throw Unreadable(path: shown, reason: reason) }
        guard let bytes = FileBytes.contents(ofFile: url.path) else {
            throw Unreadable(path: shown, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        return SourceText(bytes: bytes)
    }

    /// Reads, discovers the workspace settings, and analyzes one file.
    static func analyze(_ url: URL, io: CommandIO) throws(Unreadable) -> (AnalyzedDocument, [Diagnostic]) {
        let analyzed = try analyzeInContext(url, io: io)
        return (analyzed.document, analyzed.settingsProblems)
    }

    /// One file analyzed, with the settings it was checked under.
    struct Analyzed {
        var document: AnalyzedDocument
        var context: CheckContext
        var settingsProblems: [Diagnostic]
    }

    static func analyzeInContext(_ url: URL, io: CommandIO) throws(Unreadable) -> Analyzed {
        let source = try read(url, io: io)
        let (context, settingsProblems) = CheckContext.discover(for: url)
        return Analyzed(document: AnalyzedDocument(source: source, context: context), context: context, settingsProblems: settingsProblems)
    }

    /// The path as shown in messages: relative to the current folder when below it.
    static func displayPath(_ url: URL, io: CommandIO) -> String {
        let base = io.currentDirectory.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Reports entries that could not be used, one line each on standard error.
    static func report(_ unreadable: [Unreadable], io: CommandIO) {
        for entry in unreadable { io.standardError("agendac: \(entry.message)\n") }
    }
}
