/// The `service-doc`: the OpenAPI definition as a page a person reads, each path with its summary
/// and parameters, and the definition itself below (no script, nothing fetched from elsewhere).
enum APIDocumentationPage {
    static func page(apiText: String, title: String) -> String {
        HTMLText.page(title: title + " API", body: """
            <p>Every path, its parameters and its responses are in the OpenAPI 3.0 definition below (also at \
            <a href="/api">/api</a> as JSON). Failures answer RFC 9457 <code>application/problem+json</code> naming \
            the parameter at fault.</p>
            <pre>\(HTMLText.escaped(apiText))</pre>
            """)
    }
}
