import Geo

/// What a query measures from: a catalogued deposit (by id) or a point.
public enum Place: Hashable, Sendable {
    case deposit(String)
    case point(Coordinate)
}

/// A query that cannot be answered as asked.
public enum QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownDeposit(String)
    case unknownCorridor(String)
    case unknownRegion(String)
    /// The deposit's location is not public (null geometry).
    case noGeometry(String)
    case invalidArgument(String)
    /// The question needs a layer (named as in the GeoData schema: "regions") that the data at
    /// `source` does not have.
    case missingLayer(String, source: String)
    /// GEOS or PROJ could not carry out a step of the measurement (the message says which and why).
    case measurementFailed(String)

    public var description: String {
        // The id is quoted as typed or read, escaped so that a control character in it cannot break the line.
        switch self {
        case .unknownDeposit(let id): return "no deposit with id \"\(TerminalText.escaped(id))\""
        case .unknownCorridor(let id): return "no corridor with id \"\(TerminalText.escaped(id))\""
        case .unknownRegion(let id): return "no region with id \"\(TerminalText.escaped(id))\""
        case .noGeometry(let id): return "deposit \"\(TerminalText.escaped(id))\" has no published location"
        case .invalidArgument(let message): return message
        case .measurementFailed(let message): return message
        case .missingLayer(let layer, let source):
            return "the data at \(source) has no \(layer) layer (\(layer).geojson, or the store's \(layer) table), and this question needs it"
        }
    }
}

extension Catalog {
    /// Throws `QueryError.missingLayer` naming the first of `layers` the data does not have.
    public func requireLayers(_ layers: Layers) throws {
        for (layer, file) in Layers.files where layers.contains(layer) && !presentLayers.contains(layer) {
            throw QueryError.missingLayer(String(file.dropLast(".geojson".count)), source: directory.path)
        }
    }

    /// The deposit's position in `deposits` (and `depositPositions`), or `QueryError.unknownDeposit`.
    func depositPosition(of id: String) throws -> Int {
        guard let i = depositPositions[id] else {
            try requireLayers(.deposits)
            throw QueryError.unknownDeposit(id)
        }
        return i
    }

    func distanceQuery(_ place: Place) throws -> DistanceQuery {
        switch place {
        case .point(let c):
            guard c.isFinite, abs(c.latitude) <= 90, abs(c.longitude) <= 180 else {
                throw QueryError.invalidArgument("point \(c) is not a longitude in [-180, 180] and latitude in [-90, 90]")
            }
            return DistanceQuery(point: c)
        case .deposit(let id):
            let d = deposits[try depositPosition(of: id)]
            guard let g = d.geometry else { throw QueryError.noGeometry(id) }
            return DistanceQuery(shape: g)
        }
    }
}
