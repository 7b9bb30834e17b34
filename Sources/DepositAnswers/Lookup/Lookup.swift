import DepositIndex
import Geo

/// Turns what the user typed into a catalogued feature or a point, or a precise refusal: a name that
/// matches nothing gets the closest names as suggestions, an ambiguous one lists its candidates.
struct Lookup {
    let catalog: Catalog

    /// What the user named: a catalogued deposit or a point (the library's `Place` holds only an id).
    enum Target {
        case deposit(Deposit)
        case point(Coordinate)
    }

    /// A deposit by id, name or alias, or coordinates.
    func place(_ text: String) throws -> Target {
        if CoordinateText.looksLikeCoordinates(text) {
            return .point(try CoordinateText.parse(text))
        }
        return .deposit(try deposit(text))
    }

    func deposit(_ text: String) throws -> Deposit {
        try catalog.requireLayers(.deposits)
        return try pick(catalog.deposits(matching: text), text, kind: "deposit", label: { "\($0.id)  \($0.name)" },
                 names: catalog.deposits.map { ($0.id, [$0.id, $0.name] + $0.aliases) })
    }

    func corridor(_ text: String) throws -> Corridor {
        try catalog.requireLayers(.corridors)
        return try pick(catalog.corridors(matching: text), text, kind: "corridor", label: { "\($0.id)  \($0.name)" },
                 names: catalog.corridors.map { ($0.id, [$0.id, $0.name] + $0.aliases) })
    }

    func region(_ text: String) throws -> Region {
        try catalog.requireLayers(.regions)
        return try pick(catalog.regions(matching: text), text, kind: "region", label: { "\($0.id)  \($0.name)" },
                 names: catalog.regions.map { ($0.id, [$0.id, $0.name, $0.nameKk, $0.nameRu].compactMap { $0 }) })
    }

    private func pick<T>(_ matches: [T], _ text: String, kind: String, label: (T) -> String,
                         names: [(id: String, spellings: [String])]) throws -> T {
        if matches.count == 1 { return matches[0] }
        // What the user typed and the names from the data are escaped whole (newlines too), so each
        // stays on its one line; the newlines between the listed candidates are the message's own.
        let typed = TerminalText.escaped(text)
        if matches.count > 1 {
            let list = matches.prefix(12).map { "  " + TerminalText.escaped(label($0)) }.joined(separator: "\n")
            throw AnswerError(.usage, "'\(typed)' matches \(matches.count) \(kind)s; name one of them:\n\(list)")
        }
        let suggestions = NameKey.closest(to: text, among: names, limit: 5)
        var message = "no \(kind) named '\(typed)'"
        if !suggestions.isEmpty { message += "; did you mean: " + suggestions.map(TerminalText.escaped).joined(separator: ", ") + "?" }
        throw AnswerError(.notFound, message)
    }
}
