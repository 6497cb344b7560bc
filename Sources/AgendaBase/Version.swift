/// The one version number: `agendac --version` and the language server's `serverInfo` both print it.
public enum AgendacVersion {
    public static let current = "0.1.0"
}
