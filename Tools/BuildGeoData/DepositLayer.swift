import DepositIndex
import Geo

/// Deposits: the seven rows of `raw/deposits_kz.csv` and the researched rows of `sources/deposits_added.csv`,
/// placed as subsoil blocks per `sources/deposit_footprints.csv`; a deposit with no published location keeps
/// a null geometry.
enum DepositLayer {
    static let statuses: Set<String> = ["producing", "development", "exploration", "historic"]

    struct Row {
        let id: String, name: String, aliases: [String], commodities: [String], status: String
        let point: Coordinate?, source: String, precision: String
    }

    static func features(inputs: Inputs, regions: [Feature]) throws -> (features: [Feature], notes: [String]) {
        let rows = try rawRows(inputs.rawDeposits, status: inputs.depositStatus) + addedRows(inputs.addedDeposits)
        var footprints = [String: (line: Int, values: [String: String])]()
        for row in inputs.depositFootprints.rows { footprints[row.values["id"] ?? ""] = row }
        let preparedRegions = try regions.map { (id: $0.id!, geometry: try PreparedGeometry(Geometry($0.geometry!))) }

        var features = [Feature]()
        var notes = [String]()
        for row in rows {
            if isUnsourced(row.source) {
                if row.point != nil { throw BuildError("deposit \(row.id) has a coordinate but no source") }
                notes.append("\(row.id) \(row.name): LEFT OUT, no source found (\(row.source))")
                continue
            }
            var geometry: Shape?
            var footprint = "not_located"
            var precision: JSONValue = .null
            var locationSource = row.source
            var locationNote = row.precision
            var published: Coordinate?
            var blocks = [SubsoilBlocks.Block]()
            if let f = footprints.removeValue(forKey: row.id) {
                let t = inputs.depositFootprints
                let context = "\(t.name) line \(f.line)"
                let method = try t.value("method", in: f)
                let given = try t.value("location_source", in: f)
                if given != "as source" { locationSource = given }
                locationNote = "\(try t.value("location_note", in: f)). Source's own note: \(row.precision)"
                switch method {
                case "point", "extent":
                    if let lat = Double(try t.value("lat", in: f)), let lon = Double(try t.value("lon", in: f)) {
                        published = Coordinate(longitude: lon, latitude: lat)
                    } else {
                        published = row.point
                    }
                    if method == "point" {
                        guard let p = published, let resolution = Double(try t.value("resolution_arcsec", in: f)) else {
                            throw BuildError("\(context): a point footprint needs a coordinate and resolution_arcsec")
                        }
                        blocks = SubsoilBlocks.covering(p, resolutionArcsec: resolution)
                    } else {
                        guard let s = Double(try t.value("south", in: f)), let w = Double(try t.value("west", in: f)),
                              let n = Double(try t.value("north", in: f)), let e = Double(try t.value("east", in: f)), s < n, w < e else {
                            throw BuildError("\(context): an extent footprint needs south < north and west < east")
                        }
                        blocks = SubsoilBlocks.covering(south: s, west: w, north: n, east: e)
                    }
                    geometry = try SubsoilBlocks.footprint(blocks).woundForRFC7946()
                    footprint = "subsoil_blocks"
                    guard let m = Double(try t.value("location_precision_m", in: f)) else { throw BuildError("\(context): location_precision_m missing") }
                    precision = .number(m)
                case "none":
                    notes.append("\(row.id) \(row.name): not placed although a source row has a point: \(try t.value("location_note", in: f))")
                default:
                    throw BuildError("\(context): unknown method \(method) (point, extent or none)")
                }
            } else if row.point != nil {
                throw BuildError("deposit \(row.id) has a coordinate but no row in deposit_footprints.csv saying how to place it")
            }
            var region: JSONValue = .null
            if let p = published {
                let point = try Geometry(point: p)
                if let hit = try preparedRegions.first(where: { try $0.geometry.covers(point) }) { region = .string(hit.id) }
                notes.append("\(row.id) \(row.name): \(blocks.count) block(s) around \(p.latitude) N \(p.longitude) E, region \(region.stringValue ?? "none")")
            }
            let properties: JSONObject = [
                "name": .string(row.name),
                "aliases": .array(row.aliases.map { .string($0) }),
                "commodities": .array(row.commodities.map { .string($0) }),
                "status": .string(row.status),
                "footprint": .string(footprint),
                "location_precision_m": precision,
                "source": .string(row.source),
                "location_source": .string(locationSource),
                "location_note": .string(locationNote),
                "published_point": published.map { .array([.number($0.longitude), .number($0.latitude)]) } ?? .null,
                "block_count": .number(Double(blocks.count)),
                "area_km2": .number(geometry.map { Rounding.places(Geodesic.wgs84.area(of: $0) / 1e6, 2) } ?? 0),
                "region": region,
            ]
            features.append(Feature(id: row.id, properties: properties, geometry: geometry))
        }
        if let orphan = footprints.keys.sorted().first { throw BuildError("deposit_footprints.csv: no deposit \(orphan)") }
        return (features, notes)
    }

    private static func rawRows(_ table: CSVTable, status: CSVTable) throws -> [Row] {
        var statusByID = [String: String]()
        for row in status.rows { statusByID[try status.value("id", in: row)] = try status.value("status", in: row) }
        return try table.rows.map { row in
            let id = try table.value("id", in: row)
            guard let s = statusByID[id] else { throw BuildError("\(status.name): no status for \(id)") }
            return try makeRow(table, row, status: s)
        }
    }

    /// Researched rows whose only "source" is that a search found nothing are left out: a feature must carry a source.
    static func isUnsourced(_ source: String) -> Bool { source.hasPrefix("searched ") }

    private static func addedRows(_ table: CSVTable) throws -> [Row] {
        try table.rows.map { try makeRow(table, $0, status: try table.value("status", in: $0)) }
    }

    private static func makeRow(_ t: CSVTable, _ row: (line: Int, values: [String: String]), status: String) throws -> Row {
        let context = "\(t.name) line \(row.line)"
        guard statuses.contains(status) else { throw BuildError("\(context): unknown status \(status)") }
        let lat = try t.value("lat", in: row), lon = try t.value("lon", in: row)
        var point: Coordinate?
        if !lat.isEmpty || !lon.isEmpty {
            guard let la = Double(lat), let lo = Double(lon) else { throw BuildError("\(context): bad coordinate \(lat), \(lon)") }
            point = Coordinate(longitude: lo, latitude: la)
        }
        return Row(id: try t.value("id", in: row), name: try t.value("name", in: row),
                   aliases: try t.value("alt_names", in: row).split(separator: "|").map(String.init),
                   commodities: try t.value("commodity", in: row).split(separator: ";").map(String.init),
                   status: status, point: point, source: try t.value("source", in: row), precision: try t.value("precision", in: row))
    }
}
