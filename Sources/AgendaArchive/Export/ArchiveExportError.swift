/// Why an export could not be made: a kept file missing or changed, a folder
/// that cannot be written or is not an earlier export. Says what to do.
public struct ArchiveExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    /// True when the archive itself is at fault (a kept file missing, changed or
    /// outside it: `archive verify` says more); false for the export's folder.
    public var isArchiveProblem: Bool

    public init(_ description: String, isArchiveProblem: Bool = false) {
        self.description = description
        self.isArchiveProblem = isArchiveProblem
    }
}
