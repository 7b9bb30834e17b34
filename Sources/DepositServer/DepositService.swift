import DepositAnswers
import DepositIndex
import Foundation
import Geo

/// Everything the server answers, apart from HTTP: a request in, an answer out. It holds the catalog,
/// the OGC API collections built from it, the query endpoints and the API definition, all immutable
/// and shared by every request; nothing a request does changes them (the server is read-only).
public struct DepositService: Sendable {
    /// The catalog served.
    public let catalog: Catalog
    let collections: ServedCollections
    let queries: [String: QueryEndpoint]
    let context: QueryContext
    let title: String
    /// The OpenAPI document, written once.
    let apiText: String
    /// The page at `/` for a browser, made when first asked for.
    let mapPage: MapPageCache

    /// Builds the collections (every feature's served geometry, the indexes) from `catalog`.
    /// `hiddenPaths`: where the data lives (a directory, a store), never shown in an answer.
    public init(catalog: Catalog, title: String = "DepositIndex", hiddenPaths: [String] = []) throws {
        self.catalog = catalog
        context = QueryContext(catalog: catalog, networks: NetworkCache(catalog: catalog),
                               problems: AnswerProblem(hiddenPaths: hiddenPaths + [catalog.directory.path]))
        self.title = title
        collections = try ServedCollections(catalog: catalog)
        let endpoints = QueryEndpoints.all
        queries = Dictionary(uniqueKeysWithValues: endpoints.map { ($0.path, $0) })
        apiText = JSONWriter(indent: 2).string(OpenAPIDocument.document(collections: collections, queries: endpoints, title: title)) + "\n"
        let collections = self.collections
        mapPage = MapPageCache { WebMap.page(catalog: catalog, collections: collections, title: title) }
    }

    /// The answer to `request`. Failures become RFC 9457 problems; nothing thrown escapes, and no
    /// answer carries a stack trace or a file path.
    public func respond(_ request: ServerRequest) -> HTTPAnswer {
        do {
            return try route(request)
        } catch let p as Problem {
            return p.answer
        } catch {
            return Problem(status: 500, title: "Internal Server Error", detail: "the request could not be answered").answer
        }
    }

    private func route(_ request: ServerRequest) throws -> HTTPAnswer {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let isRead = request.method == "GET" || request.method == "HEAD"
        if let q = queries[request.path] {
            guard request.method == q.method || (q.method == "GET" && isRead) else {
                throw Problem.methodNotAllowed("\(request.path) answers \(q.method) only", allow: q.method == "GET" ? "GET, HEAD" : q.method)
            }
            return try q.answer(request, context)
        }
        guard isRead else {
            throw Problem.methodNotAllowed("\(request.path) answers GET and HEAD only; the server is read-only", allow: "GET, HEAD")
        }
        switch segments {
        case [""]:
            let f = try single(request, allowing: ["f"])["f"]
            if f == nil, try Representation.of(request, nil) == .html { return html(mapPage.html) }
            return try representation(request, f, json: { OGCDocuments.landing(base: request.baseURL, title: title) }, html: { OGCPages.landing(title: title) })
        case ["conformance"]:
            let f = try single(request, allowing: ["f"])["f"]
            return try representation(request, f, json: { OGCDocuments.conformanceDocument() }, html: { OGCPages.conformance() })
        case ["api"]:
            let f = try single(request, allowing: ["f"])["f"]
            if try Representation.of(request, f) == .html { return html(APIDocumentationPage.page(apiText: apiText, title: title)) }
            return HTTPAnswer(contentType: HTTPAnswer.openAPI, text: apiText)
        case ["collections"]:
            let f = try single(request, allowing: ["f"])["f"]
            return try representation(request, f, json: { OGCDocuments.collections(collections, base: request.baseURL) }, html: { OGCPages.collections(collections) })
        case let s where s.count == 2 && s[0] == "collections":
            let layer = try layer(s[1])
            let f = try single(request, allowing: ["f"])["f"]
            return try representation(request, f, json: { OGCDocuments.collection(layer, base: request.baseURL) }, html: { OGCPages.collection(layer) })
        case let s where s.count == 3 && s[0] == "collections" && s[2] == "items":
            let layer = try layer(s[1])
            let items = try ItemsRequest(request.query, layer: layer)
            let page = ItemsPage(layer: layer, request: items)
            if try Representation.of(request, items.f) == .html { return html(OGCPages.items(page)) }
            return HTTPAnswer(contentType: HTTPAnswer.geoJSON, text: page.geoJSON(base: request.baseURL))
        case let s where s.count == 4 && s[0] == "collections" && s[2] == "items":
            let layer = try layer(s[1])
            let f = try single(request, allowing: ["f"])["f"]
            let id = try decodedSegment(s[3], "featureId")
            guard let position = layer.positions[id] else { throw Problem.notFound("no feature '\(id)' in the \(layer.id) collection") }
            let feature = layer.features[position]
            if try Representation.of(request, f) == .html { return html(OGCPages.item(feature, layer: layer)) }
            return HTTPAnswer(contentType: HTTPAnswer.geoJSON, text: ItemDocument.text(feature, layer: layer, base: request.baseURL))
        default:
            throw Problem.notFound("nothing at \(request.path); the landing page / lists what is here")
        }
    }

    private func layer(_ segment: String) throws -> FeatureLayer {
        let id = try decodedSegment(segment, "collectionId")
        guard let l = collections[id] else {
            throw Problem.notFound("no collection '\(id)'; the collections are \(collections.layers.map(\.id).joined(separator: ", "))")
        }
        return l
    }

    /// A path segment with its percent-encoding decoded (Hummingbird hands the raw path).
    private func decodedSegment(_ s: String, _ name: String) throws -> String {
        guard let d = s.removingPercentEncoding else { throw Problem.badParameter(name, "the path segment's percent-encoding is not valid UTF-8") }
        return d
    }

    /// The parameters of a request that takes only `allowing`, each at most once.
    func single(_ request: ServerRequest, allowing: Set<String>) throws -> [String: String] {
        var out = [String: String]()
        for (name, value) in request.query {
            guard allowing.contains(name) else {
                throw Problem.badParameter(name, "not a parameter of \(request.path) (known: \(allowing.sorted().joined(separator: ", ")))")
            }
            guard out.updateValue(value, forKey: name) == nil else { throw Problem.badParameter(name, "given more than once") }
        }
        return out
    }

    private func representation(_ request: ServerRequest, _ f: String?, json: () -> JSONValue, html: () -> String) throws -> HTTPAnswer {
        switch try Representation.of(request, f) {
        case .json: return HTTPAnswer(contentType: HTTPAnswer.json, text: JSONWriter(indent: 2).string(json()) + "\n")
        case .html: return self.html(html())
        }
    }

    private func html(_ text: String) -> HTTPAnswer { HTTPAnswer(contentType: HTTPAnswer.html, text: text) }
}
