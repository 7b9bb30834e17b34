import DepositIndex

/// Sea ports and rail border crossings (`sources/gateways.csv`): the stations where goods leave Kazakhstan,
/// each with the country across, the sea, the track gauge on the far side and its sources. Rows on the far
/// side of a crossing (Alashankou, Khorgos in China) keep their kind and are marked by `in_kazakhstan: false`.
struct Gateways {
    struct Gateway {
        let nodeID: String
        let kind: String
        /// True for a row on the Kazakh side; checked against the country outline.
        let inKazakhstan: Bool
        let countryAcross: String?
        let sea: String?
        let gaugeAcrossMM: Int?
        let sources: String
    }

    let byNode: [String: Gateway]
    let rows: [Gateway]

    init(table: CSVTable, directory: StationDirectory) throws {
        var rows = [Gateway]()
        for row in table.rows {
            let context = "\(table.name) line \(row.line)"
            let node = try table.value("osm_node", in: row)
            _ = try directory.station(node, expectedName: try table.value("osm_name", in: row), context: context)
            let kind = try table.value("kind", in: row)
            guard ["port", "border_crossing"].contains(kind) else { throw BuildError("\(context): kind \(kind) is neither port nor border_crossing") }
            let side = try table.value("side", in: row)
            guard ["kazakhstan", "far"].contains(side) else { throw BuildError("\(context): side \(side) is neither kazakhstan nor far") }
            let across = try table.value("country_across", in: row), sea = try table.value("sea", in: row)
            let gauge = try table.value("gauge_across_mm", in: row)
            guard gauge.isEmpty || ["1435", "1520"].contains(gauge) else { throw BuildError("\(context): gauge_across_mm \(gauge) is not 1435 or 1520") }
            // A port has a sea and no country or gauge across; a crossing the reverse.
            guard kind == "port" ? (!sea.isEmpty && across.isEmpty && gauge.isEmpty) : (sea.isEmpty && !across.isEmpty && !gauge.isEmpty) else {
                throw BuildError("\(context): a port needs a sea and no country_across or gauge; a border crossing a country_across and a gauge, no sea")
            }
            let sources = try table.value("sources", in: row)
            guard !sources.isEmpty else { throw BuildError("\(context): no sources") }
            rows.append(Gateway(nodeID: node, kind: kind, inKazakhstan: side == "kazakhstan", countryAcross: across.isEmpty ? nil : across,
                                sea: sea.isEmpty ? nil : sea, gaugeAcrossMM: Int(gauge), sources: sources))
        }
        var byNode = [String: Gateway]()
        for g in rows {
            guard byNode.updateValue(g, forKey: g.nodeID) == nil else { throw BuildError("\(table.name): node \(g.nodeID) is listed twice") }
        }
        self.rows = rows
        self.byNode = byNode
    }

    /// Checks that every OSM node `places_corridors_kz.csv` marks as a port or border crossing is a row here
    /// with the same kind.
    func check(places: CSVTable) throws {
        for (node, kind) in try StationLayer.kindsFromPlaces(places) where byNode[node]?.kind != kind {
            throw BuildError("places_corridors_kz.csv marks OSM node \(node) as \(kind); gateways.csv must list it so")
        }
    }
}
