import AgendaBase

/// A request id: JSON-RPC allows a string or a number; LSP narrows numbers to integers.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init?(_ json: JSON) {
        switch json {
        case .string(let value): self = .string(value)
        case .number: guard let value = json.intValue else { return nil }; self = .number(value)
        default: return nil
        }
    }

    public var json: JSON {
        switch self {
        case .number(let value): .int(value)
        case .string(let value): .string(value)
        }
    }

    public var description: String {
        switch self {
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        }
    }
}

/// A message from the other side, validated against JSON-RPC 2.0 (no batches).
public enum IncomingMessage: Sendable, Equatable {
    case request(id: RequestID, method: String, params: JSON?)
    case notification(method: String, params: JSON?)
    /// A reply to a request this side sent (id nil when it was unreadable: such
    /// a reply is dropped, never answered, so two peers cannot ping-pong errors).
    case response(id: RequestID?, result: Result<JSON, ResponseFailure>)

    /// The error of a response, kept as sent (the code may be one we do not know).
    public struct ResponseFailure: Error, Sendable, Equatable {
        public var code: Int
        public var message: String
    }
}

/// Why a message could not be accepted: the error to answer with, and the id
/// to answer to (nil when the id itself could not be read).
public struct RejectedMessage: Error, Sendable, Equatable {
    public var id: RequestID?
    public var error: ResponseError
}

extension IncomingMessage {
    /// Parses and validates one message body.
    public static func decode(_ body: [UInt8]) -> Result<IncomingMessage, RejectedMessage> {
        // JSON text is UTF-8 (RFC 8259); a body that is not is unreadable, not a method to look up
        guard body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil else {
            return .failure(RejectedMessage(id: nil, error: ResponseError(.parseError, "the message is not UTF-8 text")))
        }
        let json: JSON
        do {
            json = try JSON.parse(body)
        } catch {
            return .failure(RejectedMessage(id: nil, error: ResponseError(.parseError, "the message is not JSON: \(error.description)")))
        }
        return validate(json)
    }

    /// Checks the shape JSON-RPC 2.0 requires of a parsed message.
    public static func validate(_ json: JSON) -> Result<IncomingMessage, RejectedMessage> {
        func invalid(_ id: RequestID?, _ why: String) -> Result<IncomingMessage, RejectedMessage> {
            .failure(RejectedMessage(id: id, error: ResponseError(.invalidRequest, why)))
        }
        guard json.objectValue != nil else {
            if json.arrayValue != nil { return invalid(nil, "batches are not supported; send one message at a time") }
            return invalid(nil, "a message must be a JSON object")
        }
        let rawID = json["id"]
        let id = rawID.flatMap(RequestID.init)
        if json["method"] == nil, json["result"] != nil || json["error"] != nil {
            return .success(.response(id: id, result: responseResult(json)))
        }
        if rawID != nil, id == nil { return invalid(nil, "the id must be a string or an integer") }
        guard json["jsonrpc"]?.stringValue == "2.0" else { return invalid(id, "\"jsonrpc\" must be \"2.0\"") }
        // `"params": null` is not JSON-RPC, but clients send it for shutdown and exit; read it as absent
        let params = json["params"].flatMap { $0.isNull ? nil : $0 }
        if let params, params.objectValue == nil, params.arrayValue == nil {
            return invalid(id, "params must be an object or an array")
        }
        guard let method = json["method"] else { return invalid(id, "a request or notification needs a method") }
        guard let name = method.stringValue else { return invalid(id, "the method must be a string") }
        if let id { return .success(.request(id: id, method: name, params: params)) }
        return .success(.notification(method: name, params: params))
    }

    private static func responseResult(_ json: JSON) -> Result<JSON, ResponseFailure> {
        if let error = json["error"] {
            return .failure(ResponseFailure(code: error["code"]?.intValue ?? 0, message: error["message"]?.stringValue ?? ""))
        }
        return .success(json["result"] ?? .null)
    }
}

/// Messages this side sends.
public enum OutgoingMessage {
    public static func response(id: RequestID?, result: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("result", result)])
    }

    public static func response(id: RequestID?, error: ResponseError) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("error", error.json)])
    }

    public static func notification(_ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    public static func request(id: RequestID, _ method: String, _ params: JSON?) -> JSON {
        var members: [(String, JSON)] = [("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method))]
        if let params { members.append(("params", params)) }
        return .object(members)
    }
}
