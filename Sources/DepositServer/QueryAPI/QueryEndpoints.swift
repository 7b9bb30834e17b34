/// The query API's endpoints.
enum QueryEndpoints {
    static var all: [QueryEndpoint] { [] }
}
