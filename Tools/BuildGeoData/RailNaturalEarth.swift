import DepositIndex
import Geo

/// The Natural Earth 1:10 m railroads as decoded in `raw/`, one feature per `rwdb_rr_id`.
enum RailNaturalEarth {
    static let source = "Natural Earth 1:10m railroads (public domain), decoded from the vector tiles in GitHub bovine3dom/fahrtle @ 9335621720e026d7fd54b75c42441208f06009d3 (public/train_tiles, zoom 8); see PROVENANCE §2"
    static let accuracy = "Natural Earth 1:10 m, network of about 2012: positions typically 0.2–1.1 km from the track at checked stations, locally several km; tile quantisation about 25 m"

    static func lines(from features: [Feature]) throws -> [RailLine] {
        var seen = Set<Int>()
        return try features.map { f in
            guard case .number(let idValue)? = f.properties["rwdb_rr_id"], let shape = f.geometry, !shape.lines.isEmpty else {
                throw BuildError("ne_10m_railroads: a feature lacks rwdb_rr_id or line geometry")
            }
            let id = Int(idValue)
            guard seen.insert(id).inserted else { throw BuildError("ne_10m_railroads: rwdb_rr_id \(id) appears twice") }
            var line = RailLine(id: "rail-ne-\(id)", lines: shape.lines, status: "operating", geometrySource: "natural_earth_10m",
                                source: "\(source); rwdb_rr_id \(id)", accuracy: accuracy)
            line.naturalEarth = (id, f.properties["mult_track"]?.doubleValue.map(Int.init), f.properties["electric"]?.doubleValue.map(Int.init))
            return line
        }.sorted { $0.naturalEarth!.rwdbID < $1.naturalEarth!.rwdbID }
    }
}
