/// A request as the endpoints see it, apart from the HTTP library: method, path, the query's
/// parameters decoded in order, the `Accept` header, the base URL links are written against, and the
/// body (already read within the size and time limits).
public struct ServerRequest: Sendable {
    /// `GET`, `HEAD`, `POST`, ...
    public var method: String
    /// The path as sent (percent-encoded), without the query.
    public var path: String
    /// The query's parameters, decoded, in order (`parameters(of:)`).
    public var query: [(name: String, value: String)]
    /// The `Accept` header, if any.
    public var accept: String?
    /// `http://host:port` as the client addressed the server (links in answers start with it).
    public var baseURL: String
    /// The request body (empty for a GET).
    public var body: [UInt8]

    /// A request with these parts.
    public init(method: String, path: String, query: [(name: String, value: String)], accept: String?, baseURL: String, body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.accept = accept
        self.baseURL = baseURL
        self.body = body
    }

    /// A query string (`a=1&b=x%20y`) as its decoded parameters, in order; `+` is a space, as HTML forms
    /// write it. Throws `Problem` naming the parameter whose percent-encoding is broken.
    public static func parameters(of query: String) throws -> [(name: String, value: String)] {
        var out = [(name: String, value: String)]()
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let eq = pair.firstIndex(of: "=")
            let rawName = eq.map { pair[..<$0] } ?? pair[...]
            let rawValue = eq.map { pair[pair.index(after: $0)...] } ?? ""
            guard let name = percentDecoded(rawName) else {
                throw Problem.badParameter(String(rawName), "the parameter name's percent-encoding is not valid UTF-8")
            }
            guard let value = percentDecoded(rawValue) else {
                throw Problem.badParameter(name, "the value's percent-encoding is not valid UTF-8")
            }
            out.append((name, value))
        }
        return out
    }

    private static func percentDecoded(_ s: Substring) -> String? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let h = it.next().flatMap(hex), let l = it.next().flatMap(hex) else { return nil }
                bytes.append(h << 4 | l)
            default: bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
