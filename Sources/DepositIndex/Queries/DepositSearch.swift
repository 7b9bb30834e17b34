import Geo

extension Catalog {
    /// The deposit with this id, if any.
    public func deposit(id: String) -> Deposit? {
        depositPositions[id].map { deposits[$0] }
    }

    /// Deposits whose id, name or an alias matches `text`, insensitive to case, diacritics and script
    /// (Latin, Cyrillic and Kazakh spellings meet); exact matches first, else those containing it.
    ///
    ///     catalog.deposits(matching: "Верхнее Кайракты")
    public func deposits(matching text: String) -> [Deposit] {
        if let exact = deposit(id: text) { return [exact] }
        return depositNames.matches(text).map { deposits[$0] }
    }

    /// Corridors whose id, name or alias matches `text` (as `deposits(matching:)`).
    public func corridors(matching text: String) -> [Corridor] {
        corridorNames.matches(text).map { corridors[$0] }
    }

    /// Regions whose ISO code, name, Kazakh or Russian name matches `text`.
    /// The generic word people add to a region's name ("Karagandy region", "Карагандинская область",
    /// "Қарағанды облысы") is dropped when the name as typed matches nothing.
    public func regions(matching text: String) -> [Region] {
        let direct = regionNames.matches(text)
        if !direct.isEmpty { return direct.map { regions[$0] } }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "," })
        let specific = words.filter { !Self.genericRegionWords.contains($0.lowercased()) }
        guard !specific.isEmpty, specific.count < words.count else { return [] }
        return regionNames.matches(specific.joined(separator: " ")).map { regions[$0] }
    }

    private static let genericRegionWords: Set<String> = [
        "region", "oblast", "oblys", "oblysy", "province", "city", "область", "обл", "облысы", "город", "қаласы", "г",
    ]

    /// Rail lines whose id or name matches `text`.
    public func railLines(matching text: String) -> [RailLine] {
        railNames.matches(text).map { rail[$0] }
    }

    /// Stations whose id, name or local name matches `text`.
    public func stations(matching text: String) -> [Station] {
        stationNames.matches(text).map { stations[$0] }
    }

    /// Deposits within `distance` metres of `point` (0 for a point inside a deposit), nearest first.
    public func deposits(near point: Coordinate, within distance: Double) throws -> [DepositDistance] {
        try requireLayers(.deposits)
        let query = try distanceQuery(.point(point))
        var pairs = [Int: NearestPair]()
        let hits = PointSearch.nearest(index: depositIndex, query: query, k: Int.max, maxDistance: distance,
                                       tieOrder: { deposits[depositOfItem[$0]].id < deposits[depositOfItem[$1]].id }) { item, limit in
            let target = DistanceQuery(shape: deposits[depositOfItem[item]].geometry!)
            guard let pair = target.nearest(toPoint: point, below: limit) else { return nil }
            pairs[item] = pair
            return pair.distance
        }
        return hits.map { item, d in
            let dep = deposits[depositOfItem[item]]
            return DepositDistance(id: dep.id, name: dep.name, distanceM: d, point: pairs[item]!.from)
        }
    }
}
