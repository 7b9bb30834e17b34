import DepositIndex

/// A failure answered as RFC 9457 problem details (`application/problem+json`): the status, a title,
/// a detail a person can act on and, for a bad parameter, which one and why (`invalid-params`, the
/// RFC's own example member). Never a stack trace or a file path.
public struct Problem: Error, Sendable {
    /// The HTTP status code, also the body's `status`.
    public var status: Int
    /// The status's reason phrase (`Bad Request`).
    public var title: String
    /// What went wrong and, where it helps, what to do instead.
    public var detail: String
    /// The parameters at fault, each with why.
    public var invalidParams: [(name: String, reason: String)] = []
    /// For 405: the methods the resource answers (the `Allow` header).
    public var allow: String?

    /// A problem with the given members.
    public init(status: Int, title: String, detail: String, invalidParams: [(name: String, reason: String)] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.invalidParams = invalidParams
    }

    /// 400: a parameter is malformed, out of range or unknown.
    public static func badParameter(_ name: String, _ reason: String) -> Problem {
        Problem(status: 400, title: "Bad Request", detail: "parameter '\(name)': \(reason)", invalidParams: [(name, reason)])
    }

    /// 405: the resource answers only `allow`.
    public static func methodNotAllowed(_ detail: String, allow: String) -> Problem {
        var p = Problem(status: 405, title: "Method Not Allowed", detail: detail)
        p.allow = allow
        return p
    }

    /// 404: nothing by that name or at that path.
    public static func notFound(_ detail: String) -> Problem {
        Problem(status: 404, title: "Not Found", detail: detail)
    }

    /// The problem as an answer.
    public var answer: HTTPAnswer {
        var members: [(key: String, value: JSONValue)] = [
            ("type", "about:blank"), ("title", .string(title)), ("status", .number(Double(status))), ("detail", .string(detail)),
        ]
        if !invalidParams.isEmpty {
            members.append(("invalid-params", .array(invalidParams.map { .object(["name": .string($0.name), "reason": .string($0.reason)]) })))
        }
        var headers = [(name: String, value: String)]()
        if let allow { headers.append(("Allow", allow)) }
        return HTTPAnswer(status: status, contentType: HTTPAnswer.problem, text: JSONWriter(indent: 2).string(.object(JSONObject(members))) + "\n", headers: headers)
    }
}
