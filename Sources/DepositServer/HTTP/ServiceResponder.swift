import DepositIndex
import Hummingbird
import NIOCore

/// Hummingbird's side of `DepositService`: reads the request within the limits (a body of at most
/// `maximumBody` bytes, else 413; all of it within `bodyDeadline`, else 408), hands it over, and writes
/// the answer. Every answer, the failures too, has a media type and a body saying what happened.
struct ServiceResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let service: DepositService
    let limits: ServerLimits
    /// `http://host:port` of the bound address, for links when a request names no usable Host.
    let fallbackBase: @Sendable () -> String

    func respond(to request: Request, context: Context) async throws -> Response {
        var answer: HTTPAnswer
        do {
            let body = try await readBody(request)
            let query = try ServerRequest.parameters(of: request.uri.query ?? "")
            let serverRequest = ServerRequest(method: request.method.rawValue, path: request.uri.path, query: query,
                                              accept: request.headers[.accept], baseURL: base(of: request), body: body)
            answer = service.respond(serverRequest)
        } catch let p as Problem {
            answer = p.answer
        } catch {
            answer = Problem(status: 400, title: "Bad Request", detail: "the request could not be read").answer
        }
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        for (name, value) in answer.headers where name == "Allow" { headers[.allow] = value }
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        let status = HTTPResponse.Status(code: answer.status)
        if request.method == .head {
            headers[.contentLength] = String(answer.body.count)
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// The body, read whole within the size and time limits. A body on a GET is read (and ignored) the
    /// same way, so a large one is refused rather than left on the connection.
    private func readBody(_ request: Request) async throws -> [UInt8] {
        let limit = limits.maximumBody
        let deadline = limits.bodyDeadline
        let body = request.body
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                do {
                    var buffer = try await body.collect(upTo: limit)
                    return buffer.readBytes(length: buffer.readableBytes) ?? []
                } catch is NIOTooManyBytesError {
                    throw Problem(status: 413, title: "Content Too Large",
                                  detail: "the request body is larger than the server's limit of \(limit) bytes")
                }
            }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let bytes = first else {
                throw Problem(status: 408, title: "Request Timeout",
                              detail: "the request body did not arrive within \(deadline.components.seconds) s")
            }
            return bytes
        }
    }

    /// `http://` and the Host the client used, when it is a plain host name or address with a port;
    /// anything else (absent, or characters a host cannot hold) gives the bound address.
    private func base(of request: Request) -> String {
        guard let host = request.head.authority, !host.isEmpty, host.utf8.count <= 255,
              host.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || ($0.isASCII && ($0.properties.isAlphabetic || "0123456789.-:[]".unicodeScalars.contains($0))) })
        else { return fallbackBase() }
        return "http://" + host
    }
}
