import DepositIndex
import Geo

/// One OpenStreetMap railway station, halt or stop from the raw extract.
struct OSMStation {
    /// The OSM node id as decimal text.
    let nodeID: String
    let name: String
    let nameLocal: String?
    /// OSM's `railway` tag: station, halt or stop.
    let railway: String
    let coordinate: Coordinate

    var featureID: String { "osm-\(nodeID)" }

    init(_ feature: Feature) throws {
        guard case .number(let id)? = feature.properties["osm_node_id"], case .point(let c)? = feature.geometry,
              let name = feature.properties["name"]?.stringValue, let railway = feature.properties["railway"]?.stringValue else {
            throw BuildError("osm_railway_stations: a feature lacks osm_node_id, name, railway or a Point")
        }
        nodeID = JSONWriter.format(id)
        self.name = name
        nameLocal = feature.properties["name_local"]?.stringValue
        self.railway = railway
        coordinate = c
    }

    static let source = "OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0), via GitHub njfinney/Asia_Railway_Calculator @ d44c7e5656aa80d987bd6f5cf7a7f3ad80af4f4d, data/stations/kazakhstan.json"
}

/// Stations by node id, failing loudly when a hand-made input names one the extract lacks.
struct StationDirectory {
    private let byID: [String: OSMStation]
    let all: [OSMStation]

    init(_ stations: [OSMStation]) throws {
        var byID = [String: OSMStation]()
        for s in stations {
            if byID[s.nodeID] != nil { throw BuildError("osm_railway_stations: node \(s.nodeID) appears twice") }
            byID[s.nodeID] = s
        }
        self.byID = byID
        all = stations.sorted { $0.nodeID.count != $1.nodeID.count ? $0.nodeID.count < $1.nodeID.count : $0.nodeID < $1.nodeID }
    }

    func station(_ nodeID: String, expectedName: String? = nil, context: String) throws -> OSMStation {
        guard let s = byID[nodeID] else { throw BuildError("\(context): OSM node \(nodeID) is not in osm_railway_stations_kz_bbox.geojson") }
        if let expectedName, s.name != expectedName {
            throw BuildError("\(context): OSM node \(nodeID) is named \"\(s.name)\" in the extract, not \"\(expectedName)\"")
        }
        return s
    }
}
