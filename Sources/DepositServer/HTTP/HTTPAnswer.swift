/// What an endpoint answers: a status, a media type and the body's bytes, with any further headers.
public struct HTTPAnswer: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type` header.
    public var contentType: String
    /// The body's bytes (left out of the answer to HEAD).
    public var body: [UInt8]
    /// Further headers (`Allow` for 405).
    public var headers: [(name: String, value: String)]

    /// An answer of these bytes.
    public init(status: Int = 200, contentType: String, body: [UInt8], headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// An answer of this text, as UTF-8.
    public init(status: Int = 200, contentType: String, text: String, headers: [(name: String, value: String)] = []) {
        self.init(status: status, contentType: contentType, body: Array(text.utf8), headers: headers)
    }

    static let geoJSON = "application/geo+json"
    static let json = "application/json"
    static let html = "text/html; charset=utf-8"
    static let openAPI = "application/vnd.oai.openapi+json;version=3.0"
    static let problem = "application/problem+json"
}
