import DepositIndex

/// One question of the query API: its path (the CLI subcommand's name), its OpenAPI operation, and how
/// a request becomes the answer the CLI prints for the same question.
struct QueryEndpoint: Sendable {
    let path: String
    /// The path item of the OpenAPI document (`{"get": …}` or `{"post": …}`).
    let operation: JSONValue
    let method: String
    let answer: @Sendable (_ request: ServerRequest, _ catalog: Catalog) throws -> HTTPAnswer
}
