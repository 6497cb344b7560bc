import AgendaBase
import AgendaCLI
import Foundation
import Testing

/// The command line against an unkind file system: full disks, links, FIFOs,
/// devices, hard links, files of other owners, names that are not UTF-8.
/// Tests run as root, so "unreadable" is made of things root cannot read either.
@Suite("agendac and the file system") struct FileSystemCommandTests {
    static let messy = "møde: Udvalget\n\n\n\npunkt 1:   Godkendelse\n"
    static let tidy = "møde: Udvalget\n\npunkt 1: Godkendelse\n"

    static func run(_ arguments: [String], in folder: URL) -> (code: Int32, output: String, errors: String) {
        CheckCommandTests.run(arguments, in: folder)
    }

    static func write(_ text: String, _ name: String, in folder: URL) {
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(text.utf8)))
    }

    static func status(_ url: URL) -> stat {
        var status = stat()
        _ = lstat(url.path, &status)
        return status
    }

    /// Runs the built `agendac` as a process with standard output going to `output`.
    static func runBinary(_ arguments: [String], output: FileHandle, input: String? = nil) throws -> (code: Int32, errors: String) {
        let binary = try #require(LSPTestClient.serverBinary(), "build agendac first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Golden.packageRoot
        process.standardOutput = output
        let errors = Pipe()
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = stdin
        // a command that never reads its input (`--version`) may have exited: the write must fail, not kill the tests with SIGPIPE
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "agendac was killed by signal \(process.terminationStatus)")
        return (process.terminationStatus, errorText)
    }

    // MARK: - Write errors

    static let sample = CheckCommandTests.sample.path
    @Test("a full disk on standard output is an I/O error: a message and exit 2, never a crash", arguments: [
        ["rules"], ["--version"], ["check", sample], ["compile", sample, "--to", "text"], ["compile", sample, "--to", "json"], ["fmt", "-"],
    ])
    func fullStandardOutput(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try Self.runBinary(arguments, output: full, input: Self.messy)
        #expect(result.code == 2)
        #expect(result.errors.contains("agendac: cannot write to standard output: No space left on device"), "\(result.errors)")
    }

    @Test("the language server whose output cannot be written stops with exit 2")
    func languageServerFullOutput() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let body = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#
        let result = try Self.runBinary(["lsp"], output: full, input: "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(result.code == 2)
        #expect(result.errors.contains("cannot write to the client"), "\(result.errors)")
    }

    // MARK: - Atomic writes

    @Test("fmt on a symbolic link formats its target and keeps the link")
    func formatThroughSymlink() throws {
        let folder = temporaryTestFolder("agendac-fs")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        Self.write(Self.messy, "real/a.agenda", in: folder)
        chmod(folder.appendingPathComponent("real/a.agenda").path, 0o640)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.agenda").path, withDestinationPath: "real/a.agenda")
        #expect(Self.run(["fmt", "link.agenda"], in: folder).code == 0)
        let link = Self.status(folder.appendingPathComponent("link.agenda"))
        #expect(link.st_mode & S_IFMT == S_IFLNK, "the link was replaced")
        #expect(Golden.read(folder.appendingPathComponent("real/a.agenda")) == Self.tidy)
        #expect(Self.status(folder.appendingPathComponent("real/a.agenda")).st_mode & 0o7777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("real").path) == ["a.agenda"])
    }

    @Test("fmt keeps mode, owner and hard links")
    func formatKeepsModeOwnerAndLinks() throws {
        let folder = temporaryTestFolder("agendac-fs")
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.write(Self.messy, "a.agenda", in: folder)
        Self.write(Self.messy, "b.agenda", in: folder)
        let a = folder.appendingPathComponent("a.agenda"), b = folder.appendingPathComponent("b.agenda")
        chmod(a.path, 0o600)
        chmod(b.path, 0o604)
        let nobody: uid_t = 65534
        _ = chown(a.path, nobody, nobody)
        try FileManager.default.linkItem(at: b, to: folder.appendingPathComponent("b-link.agenda"))
        let inodeB = Self.status(b).st_ino

        let result = Self.run(["fmt", "a.agenda", "b.agenda"], in: folder)
        #expect(result.code == 0, "\(result.errors)")
        #expect(Golden.read(a) == Self.tidy && Golden.read(b) == Self.tidy)
        #expect(Self.status(a).st_mode & 0o7777 == 0o600)
        if geteuid() == 0 { #expect(Self.status(a).st_uid == nobody, "the owner was lost") }
        #expect(Self.status(b).st_mode & 0o7777 == 0o604)
        #expect(Self.status(b).st_ino == inodeB && Self.status(b).st_nlink == 2, "the hard link was split")
        #expect(Golden.read(folder.appendingPathComponent("b-link.agenda")) == Self.tidy)
    }

    @Test("compile -o refuses devices, FIFOs and the input itself, and writes through a link")
    func compileOutputTargets() throws {
        let folder = temporaryTestFolder("agendac-fs")
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.write(Self.tidy, "a.agenda", in: folder)
        mkfifo(folder.appendingPathComponent("pipe").path, 0o644)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("alias.agenda").path, withDestinationPath: "a.agenda")
        for target in ["a.agenda", "alias.agenda", "./a.agenda"] {
            let result = Self.run(["compile", "a.agenda", "--to", "text", "-o", target], in: folder)
            #expect(result.code == 2 && result.errors.contains("the input file itself"), "\(target): \(result.errors)")
        }
        #expect(Golden.read(folder.appendingPathComponent("a.agenda")) == Self.tidy)
        for target in ["/dev/null", "pipe"] {
            let result = Self.run(["compile", "a.agenda", "--to", "text", "-o", target], in: folder)
            #expect(result.code == 2 && result.errors.contains("not a regular file"), "\(target): \(result.errors)")
        }
        #expect(Self.status(URL(fileURLWithPath: "/dev/null")).st_mode & S_IFMT == S_IFCHR)

        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("out.txt").path, withDestinationPath: "printed.txt")
        #expect(Self.run(["compile", "a.agenda", "--to", "text", "-o", "out.txt"], in: folder).code == 0)
        #expect(Self.status(folder.appendingPathComponent("out.txt")).st_mode & S_IFMT == S_IFLNK)
        #expect(Golden.read(folder.appendingPathComponent("printed.txt")).contains("Godkendelse"))
        // a new file gets 0666 less the umask, never 0777
        #expect(Self.status(folder.appendingPathComponent("printed.txt")).st_mode & 0o111 == 0)
    }

    @Test("temporary files left by a killed run are removed by the next, and none is left behind")
    func staleTemporaryFiles() throws {
        let folder = temporaryTestFolder("agendac-fs")
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.write(Self.messy, "a.agenda", in: folder)
        // the id of a process that has ended
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let stale = ".a.agenda.agendac-tmp-\(finished.processIdentifier)"
        Self.write("half", stale, in: folder)
        Self.write("mine", ".notes.txt", in: folder)
        #expect(Self.run(["fmt", "a.agenda"], in: folder).code == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [".notes.txt", "a.agenda"])
    }

    // MARK: - Folders

    @Test("unreadable entries in a folder are each reported; the other files are still checked; exit 2")
    func unreadableEntries() throws {
        let folder = temporaryTestFolder("agendac-fs")
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.write("møde: X\ndato: 2026-02-30\n", "bad-date.agenda", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub/x.agenda"), withIntermediateDirectories: true)
        Self.write("møde: X\ndato: 2026-13-01\n", "sub/x.agenda/inner.agenda", in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.agenda").path, withDestinationPath: "gone.agenda")
        mkfifo(folder.appendingPathComponent("fifo.agenda").path, 0o644)
        // a file name with the byte 0xFF, which no String can spell
        let rawName = (Array(folder.path.utf8) + Array("/name-".utf8) + [0xFF] + Array(".agenda".utf8) + [0]).map { CChar(bitPattern: $0) }
        let descriptor = open(rawName, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)

        let result = Self.run(["check", ".", "--format", "json"], in: folder)
        #expect(result.code == 2)
        let findings = try JSON.parse(result.output).arrayValue ?? []
        let files = Set(findings.compactMap { $0["file"]?.stringValue })
        #expect(files == ["bad-date.agenda", "sub/x.agenda/inner.agenda"], "\(files)")
        #expect(result.errors.contains("agendac: dangling.agenda: a symbolic link to a file that does not exist"), "\(result.errors)")
        #expect(result.errors.contains("agendac: fifo.agenda: a FIFO, not a regular file"))
        #expect(result.errors.contains("agendac: name-\\xFF.agenda: the name is not UTF-8; rename it"))
        #expect(result.errors.split(separator: "\n").count == 3)

        let format = Self.run(["fmt", "--check", "."], in: folder)
        #expect(format.code == 2)
        #expect(format.errors.contains("fifo.agenda: a FIFO"))
    }

    @Test("a FIFO or a dangling link named on the command line is reported, not waited on")
    func namedSpecialFiles() throws {
        let folder = temporaryTestFolder("agendac-fs")
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.write(Self.tidy, "a.agenda", in: folder)
        mkfifo(folder.appendingPathComponent("fifo.agenda").path, 0o644)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.agenda").path, withDestinationPath: "gone")
        let result = Self.run(["check", "fifo.agenda", "a.agenda", "dangling.agenda"], in: folder)
        #expect(result.code == 2)
        #expect(result.output.contains("in 1 file"), "\(result.output)")
        #expect(result.errors.contains("fifo.agenda: a FIFO"))
        #expect(result.errors.contains("dangling.agenda: a symbolic link"))
    }

    @Test("an empty path is a usage error, not the current folder")
    func emptyPath() {
        for arguments in [["check", ""], ["fmt", ""], ["compile", "", "--to", "json"]] {
            let result = Self.run(arguments, in: Golden.packageRoot)
            #expect(result.code == 2 && result.output.isEmpty, "\(arguments)")
            #expect(result.errors.contains("empty"), "\(result.errors)")
        }
    }
}
