#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to its end with `posix_spawn` (full Foundation's `Process`
/// would bring ICU into every start of agendac): standard input from
/// `/dev/null`, standard output and error read together as the program writes
/// them (`poll`, so neither pipe fills and stops it), the child always reaped.
struct ChildProcess {
    /// How the program ended and what it wrote.
    struct Finished {
        var output: [UInt8]
        var errors: [UInt8]
        /// The exit status, or the signal's number when a signal ended it.
        var status: Int32
        /// False when a signal ended the program.
        var exited: Bool
    }

    /// The program could not be started; `reason` as `strerror` words it.
    struct StartFailure: Error {
        var reason: String
    }

    static func run(_ executable: String, arguments: [String]) throws(StartFailure) -> Finished {
        var output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard makePipe(&output) else { throw StartFailure(reason: lastError) }
        guard makePipe(&errors) else {
            let reason = lastError
            output.forEach { close($0) }
            throw StartFailure(reason: reason)
        }
        let pid: pid_t
        do {
            pid = try spawn(executable, arguments: arguments, output: output[1], errors: errors[1])
        } catch {
            (output + errors).forEach { close($0) }
            throw error
        }
        close(output[1])
        close(errors[1])
        let (outputBytes, errorBytes) = readBoth(output[0], errors[0])
        close(output[0])
        close(errors[0])
        let status = reap(pid)
        // the wait status as <sys/wait.h>'s WIFEXITED, WEXITSTATUS and WTERMSIG read it
        let signal = status & 0x7F
        return Finished(output: outputBytes, errors: errorBytes, status: signal == 0 ? (status >> 8) & 0xFF : signal, exited: signal == 0)
    }

    private static func spawn(_ executable: String, arguments: [String], output: Int32, errors: Int32) throws(StartFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        // the child starts with every signal at its default and none blocked, whatever agendac ignores
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else { throw StartFailure(reason: String(cString: strerror(result))) }
        return pid
    }

    /// Both pipes to their ends, whichever the program writes first.
    private static func readBoth(_ output: Int32, _ errors: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var watched = [pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while watched.contains(where: { $0.fd >= 0 }) {
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            for index in watched.indices where watched[index].fd >= 0 && watched[index].revents != 0 {
                let got = read(watched[index].fd, &chunk, chunk.count)
                if got < 0, errno == EINTR || errno == EAGAIN { continue }
                if got <= 0 {
                    watched[index].fd = -1 // poll skips a negative descriptor
                    continue
                }
                collected[index].append(contentsOf: chunk[0..<got])
            }
        }
        return (collected[0], collected[1])
    }

    /// Waits for the child to end and returns its wait status.
    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return 0x7F } // cannot happen for our own child; read as stopped by a signal
        }
        return status
    }

    /// A pipe whose ends the child does not inherit (only the copies made for it).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static var lastError: String { String(cString: strerror(errno)) }
}
