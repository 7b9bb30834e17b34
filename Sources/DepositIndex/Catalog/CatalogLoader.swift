import Foundation
import Geo

/// The layers of a data directory, read and checked.
struct CatalogLayers: Sendable {
    var deposits: [Deposit] = []
    var rail: [RailLine] = []
    var stations: [Station] = []
    var corridors: [Corridor] = []
    var regions: [Region] = []
    var country: CountryOutline?
    /// The layers the source holds (a file or a store table, empty or not) among those read. A question
    /// that needs a layer outside this set is refused (`QueryError.missingLayer`) rather than answered
    /// "none" from an empty array.
    var present: Catalog.Layers = .all
}

/// Reads a directory in the GeoData schema (see GeoData/README.md), collecting every problem before
/// deciding: either all layers load or an error lists everything wrong.
struct CatalogLoader {
    let directory: URL
    private(set) var problems: [CatalogProblem] = []
    private var idOwners: [String: String] = [:]

    init(directory: URL) {
        self.directory = directory
    }

    static let layerFiles = Catalog.Layers.files.map(\.1)

    static func load(_ directory: URL, layers wanted: Catalog.Layers = .all) throws -> CatalogLayers {
        var loader = CatalogLoader(directory: directory)
        // Reading and parsing is most of loading and each file is independent, so the files are parsed
        // on every core at once; the features are then checked in file order, so ids and problems are
        // reported as before.
        let files = Catalog.Layers.files.filter { wanted.contains($0.0) }.map(\.1)
        let parsed = Parallel.map(files.count) { i in parse(directory.appendingPathComponent(files[i])) }
        let read = Dictionary(uniqueKeysWithValues: zip(files, parsed))
        var layers = CatalogLayers()
        layers.present = Catalog.Layers(Catalog.Layers.files.filter { wanted.contains($0.0) && (read[$0.1] ?? nil) != nil }.map(\.0))
        if wanted.contains(.deposits) { layers.deposits = loader.layer("deposits.geojson", read, required: true, { $0.deposit($1, $2) }) }
        if wanted.contains(.rail) { layers.rail = loader.layer("rail.geojson", read, required: true, { $0.railLine($1, $2) }) }
        if wanted.contains(.stations) { layers.stations = loader.layer("stations.geojson", read, required: false, { $0.station($1, $2) }) }
        if wanted.contains(.corridors) { layers.corridors = loader.layer("corridors.geojson", read, required: false, { $0.corridor($1, $2) }) }
        if wanted.contains(.regions) { layers.regions = loader.layer("regions.geojson", read, required: false, { $0.region($1, $2) }) }
        if wanted.contains(.country) { layers.country = loader.layer("country.geojson", read, required: false, { $0.country($1, $2) }).first }
        if !loader.problems.isEmpty {
            throw CatalogError(directory: directory.path, problems: loader.problems)
        }
        return layers
    }

    /// A file's features, the reason it cannot be read, or nil when it does not exist.
    private enum Parsed {
        case features([Feature])
        case failed(String)
    }

    /// Only a file with nothing at its path is absent; a FIFO, a directory, a symlink loop or a dangling
    /// link under a layer's name fails with what it is (`InputFile`).
    private static func parse(_ url: URL) -> Parsed? {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(url)
        } catch {
            return error.problem == .missing ? nil : .failed(error.reason)
        }
        do {
            return .features(try GeoJSON.features(parsing: bytes))
        } catch {
            return .failed("\(error)")
        }
    }

    /// Checks one parsed layer; each feature goes through `make`, which reports its own problems.
    private mutating func layer<T>(_ file: String, _ files: [String: Parsed?], required: Bool,
                                   _ make: (inout CatalogLoader, Feature, String) -> T?) -> [T] {
        let features: [Feature]
        switch files[file] ?? nil {
        case nil:
            if required { problems.append(CatalogProblem(file: file, feature: nil, message: "missing (a data directory needs \(file))")) }
            return []
        case .failed(let message)?:
            problems.append(CatalogProblem(file: file, feature: nil, message: message))
            return []
        case .features(let f)?:
            features = f
        }
        var out = [T]()
        out.reserveCapacity(features.count)
        for (i, feature) in features.enumerated() {
            let label = feature.id.map { "\"\($0)\"" } ?? "features[\(i)]"
            guard let id = feature.id, !id.isEmpty else {
                problems.append(CatalogProblem(file: file, feature: label, message: "has no string \"id\""))
                continue
            }
            if let owner = idOwners[id] {
                problems.append(CatalogProblem(file: file, feature: label, message: "id already used in \(owner)"))
                continue
            }
            idOwners[id] = file
            if let value = make(&self, feature, label) { out.append(value) }
        }
        return out
    }

    // MARK: - Layers

    private mutating func deposit(_ f: Feature, _ label: String) -> Deposit? {
        let file = "deposits.geojson"
        if let g = f.geometry, !check(g, allowed: ["Point", "Polygon", "MultiPolygon"], file, label) { return nil }
        return Deposit(
            id: f.id!, name: text(f, "name") ?? f.id!, aliases: strings(f, "aliases", file, label),
            commodities: strings(f, "commodities", file, label), status: text(f, "status"), footprint: text(f, "footprint"),
            locationPrecisionM: f.properties["location_precision_m"]?.doubleValue, source: text(f, "source"),
            geometry: f.geometry, properties: f.properties)
    }

    private mutating func railLine(_ f: Feature, _ label: String) -> RailLine? {
        let file = "rail.geojson"
        guard let g = required(f, file, label), check(g, allowed: ["LineString", "MultiLineString"], file, label) else { return nil }
        let wrong = RailLine.problems(in: f.properties)
        guard wrong.isEmpty else {
            problems.append(contentsOf: wrong.map { CatalogProblem(file: file, feature: label, message: $0) })
            return nil
        }
        return RailLine.from(id: f.id!, properties: f.properties, geometry: g)
    }

    private mutating func station(_ f: Feature, _ label: String) -> Station? {
        let file = "stations.geojson"
        guard let g = required(f, file, label), check(g, allowed: ["Point"], file, label), case .point(let c) = g else { return nil }
        return Station.from(id: f.id!, properties: f.properties, location: c)
    }

    private mutating func corridor(_ f: Feature, _ label: String) -> Corridor? {
        let file = "corridors.geojson"
        guard let g = required(f, file, label), check(g, allowed: ["LineString", "MultiLineString"], file, label) else { return nil }
        guard let width = f.properties["width_km"]?.doubleValue, width.isFinite, width > 0, width <= Catalog.maximumCorridorWidthKm else {
            problems.append(CatalogProblem(file: file, feature: label, message: "needs \"width_km\", a positive number of kilometres up to \(Int(Catalog.maximumCorridorWidthKm))"))
            return nil
        }
        return Corridor(id: f.id!, name: text(f, "name") ?? f.id!, aliases: strings(f, "aliases", file, label),
                        widthKm: width, geometry: g, properties: f.properties)
    }

    private mutating func region(_ f: Feature, _ label: String) -> Region? {
        let file = "regions.geojson"
        guard let g = required(f, file, label), check(g, allowed: ["Polygon", "MultiPolygon"], file, label) else { return nil }
        return Region(id: f.id!, name: text(f, "name") ?? f.id!, nameKk: text(f, "name_kk"), nameRu: text(f, "name_ru"),
                      geometry: g, properties: f.properties)
    }

    private mutating func country(_ f: Feature, _ label: String) -> CountryOutline? {
        let file = "country.geojson"
        guard let g = required(f, file, label), check(g, allowed: ["Polygon", "MultiPolygon"], file, label) else { return nil }
        return CountryOutline(id: f.id!, name: text(f, "name") ?? f.id!, geometry: g)
    }

    // MARK: - Checks

    private func text(_ f: Feature, _ key: String) -> String? {
        f.properties[key]?.stringValue
    }

    private mutating func strings(_ f: Feature, _ key: String, _ file: String, _ label: String) -> [String] {
        guard let value = f.properties[key], !value.isNull else { return [] }
        guard let array = value.arrayValue, array.allSatisfy({ $0.stringValue != nil }) else {
            problems.append(CatalogProblem(file: file, feature: label, message: "\"\(key)\" must be an array of strings"))
            return []
        }
        return array.compactMap(\.stringValue)
    }

    private mutating func required(_ f: Feature, _ file: String, _ label: String) -> Shape? {
        if f.geometry == nil { problems.append(CatalogProblem(file: file, feature: label, message: "geometry is null; this layer needs one")) }
        return f.geometry
    }

    /// Checks type, coordinate ranges, and that lines have two points and rings are closed with four.
    private mutating func check(_ g: Shape, allowed: [String], _ file: String, _ label: String) -> Bool {
        func fail(_ message: String) -> Bool {
            problems.append(CatalogProblem(file: file, feature: label, message: message))
            return false
        }
        guard allowed.contains(g.typeName) else {
            return fail("geometry is a \(g.typeName); this layer takes \(allowed.joined(separator: ", "))")
        }
        for c in g.coordinates where !(c.isFinite && abs(c.longitude) <= 180 && abs(c.latitude) <= 90) {
            return fail("coordinate \(c) is not a longitude in [-180, 180] and latitude in [-90, 90]")
        }
        for (i, line) in g.lines.enumerated() where line.count < 2 {
            return fail("line \(i) has \(line.count) position(s); a line needs at least 2")
        }
        for (p, polygon) in g.polygons.enumerated() {
            if polygon.isEmpty { return fail("polygon \(p) has no rings") }
            for (r, ring) in polygon.enumerated() {
                if ring.count < 4 { return fail("polygon \(p) ring \(r) has \(ring.count) positions; a ring needs at least 4") }
                if ring.first != ring.last { return fail("polygon \(p) ring \(r) is not closed (first position \(ring[0]) differs from last \(ring[ring.count - 1]))") }
            }
        }
        return true
    }
}
