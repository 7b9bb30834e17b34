import DepositIndex

/// A failure answered as RFC 9457 problem details (`application/problem+json`): the status, a title,
/// a detail a person can act on and, for a bad parameter, which one and why (`invalid-params`, the
/// RFC's own example member). Never a stack trace or a file path.
public struct Problem: Error, Sendable {
    public var status: Int
    public var title: String
    public var detail: String
    /// The parameters at fault, each with why.
    public var invalidParams: [(name: String, reason: String)] = []

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
        if status == 405 { headers.append(("Allow", "GET, HEAD" + (detail.contains("POST") ? ", POST" : ""))) }
        return HTTPAnswer(status: status, contentType: HTTPAnswer.problem, text: JSONWriter(indent: 2).string(.object(JSONObject(members))) + "\n", headers: headers)
    }
}
