/// The query parameters of a query API request, named as the CLI names its argument and options
/// (`place`, `k`, `max-km`, `radius-km`, `without`, …): each known to the endpoint, given once unless
/// the CLI option repeats (`without`, `include`, `transit`), and read as the type the CLI reads.
/// Anything else is refused with a problem naming the parameter.
struct QueryParameters {
    private var values: [String: [String]] = [:]

    init(_ request: ServerRequest, single: Set<String>, repeatable: Set<String> = []) throws {
        for (name, value) in request.query {
            if single.contains(name) {
                guard values[name] == nil else { throw Problem.badParameter(name, "given more than once") }
            } else if !repeatable.contains(name) {
                let known = single.union(repeatable).sorted().joined(separator: ", ")
                throw Problem.badParameter(name, "not a parameter of \(request.path) (known: \(known))")
            }
            values[name, default: []].append(value)
        }
    }

    func string(_ name: String) -> String? { values[name]?.first }

    /// A required text parameter (the CLI's argument).
    func required(_ name: String, _ what: String) throws -> String {
        guard let v = string(name), !v.isEmpty else { throw Problem.badParameter(name, "required: \(what)") }
        return v
    }

    /// Every value of a repeatable parameter, in order (each may be a comma list, as on the CLI).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    func integer(_ name: String, default value: Int, _ range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return value }
        guard let n = Int(text) else { throw Problem.badParameter(name, "'\(text)' is not a whole number") }
        guard range.contains(n) else { throw Problem.badParameter(name, "\(n) is outside \(range.lowerBound)...\(range.upperBound)") }
        return n
    }

    /// A finite number, or nil when absent.
    func number(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let d = DecimalText.double(text) else { throw Problem.badParameter(name, "'\(text)' is not a finite decimal number") }
        return d
    }

    func flag(_ name: String) throws -> Bool {
        guard let text = string(name) else { return false }
        switch text.lowercased() {
        case "true", "1", "yes", "": return true
        case "false", "0", "no": return false
        default: throw Problem.badParameter(name, "'\(text)' is not true or false")
        }
    }

    /// `format`: json (the default) or geojson, as the CLI's `--format` (the server has no tables).
    func format() throws -> AnswerFormat {
        guard let text = string("format") else { return .json }
        guard let f = AnswerFormat(rawValue: text) else { throw Problem.badParameter("format", "'\(text)' is not json or geojson") }
        return f
    }
}

/// How the query API writes an answer: the CLI's `--format json` or `--format geojson`, byte for byte.
enum AnswerFormat: String {
    case json, geojson
}
