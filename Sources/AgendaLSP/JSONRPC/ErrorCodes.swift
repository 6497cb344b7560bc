import AgendaBase

/// The error codes of JSON-RPC 2.0 and LSP 3.17 that this server answers with.
public enum ErrorCode: Int, Sendable {
    // JSON-RPC 2.0
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    // LSP
    case serverNotInitialized = -32002
    case requestFailed = -32803
    case serverCancelled = -32802
    case contentModified = -32801
    case requestCancelled = -32800
}

/// The `error` member of a response; also what handlers throw.
public struct ResponseError: Error, Sendable, Equatable {
    public var code: ErrorCode
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var json: JSON {
        .object([("code", .int(code.rawValue)), ("message", .string(message))])
    }

    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(.invalidParams, message) }
    public static let cancelled = ResponseError(.requestCancelled, "the request was cancelled")
    public static let contentModified = ResponseError(.contentModified, "the document changed while the request was being answered")
}
