/// Why an archive operation did not happen. The archive is left as it was;
/// the message names the file or meeting and says what to do.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    /// A file of the archive that cannot be read as the tool wrote it.
    static func malformed(_ path: String, _ reason: String) -> ArchiveError {
        ArchiveError("\(path): \(reason); the archive was changed outside agendac (run `agendac archive verify`)")
    }
}
