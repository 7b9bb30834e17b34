import DepositIndex
import Foundation

/// Which of a team's own PostGIS tables and columns hold each layer, read from a JSON file given with
/// `--store-mapping FILE` beside `--store postgresql://...`, so that `deposits` reads those tables in
/// place, read-only (`MappedPostGISSource`). Each key is a layer (`deposits`, `rail`, `stations`,
/// `corridors`, `regions`, `country`; any subset, the others are absent); each layer names its `table`
/// (optionally schema-qualified), its `id` column, its `geometry` column and, in `properties`, our
/// property names with their columns:
///
///     {
///       "deposits": {"table": "cadastre.licence_blocks", "id": "block_no", "geometry": "the_geom",
///                    "properties": {"name": "title", "status": "stage", "commodities": "minerals"}},
///       "rail": {"table": "infra.railways", "id": "osm_id", "geometry": "way", "properties": {"name": "label"}}
///     }
///
/// Any other key is refused naming the file and where it stands.
public struct StoreMapping: Sendable, Equatable {
    /// One layer's table and columns.
    public struct Layer: Sendable, Equatable {
        public var table: String
        public var id: String
        public var geometry: String
        /// Our property name and their column, in the file's order.
        public var properties: [(name: String, column: String)]

        public static func == (a: Layer, b: Layer) -> Bool {
            a.table == b.table && a.id == b.id && a.geometry == b.geometry
                && a.properties.map(\.name) == b.properties.map(\.name) && a.properties.map(\.column) == b.properties.map(\.column)
        }
    }

    /// The file it was read from, for messages.
    public var file: String
    public var layers: [StoreLayer: Layer]

    /// Reads and checks a mapping file; a missing file, bad JSON or an unknown key is a
    /// `StoreError.refused` naming the file (exit 65).
    public init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw StoreError.refused("--store-mapping \(path): cannot read the file (\(error.localizedDescription))")
        }
        try self.init(text: text, file: path)
    }

    /// Parses a mapping's JSON text; `file` names it in messages.
    public init(text: String, file: String) throws {
        self.file = file
        func bad(_ why: String) -> StoreError { StoreError.refused("--store-mapping \(file): \(why)") }
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw bad("not JSON: \(error)")
        }
        guard let object = root.objectValue else { throw bad("the top level must be an object whose keys are layers") }
        var layers = [StoreLayer: Layer]()
        for (key, value) in object.members {
            guard let layer = StoreLayer(rawValue: key) else {
                throw bad("unknown key \"\(key)\" at the top level (the layers are \(StoreLayer.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if layers[layer] != nil { throw bad("layer \(key) is given twice") }
            guard let l = value.objectValue else { throw bad("layer \(key): must be an object with table, id, geometry and properties") }
            var fields = [String: String]()
            var properties = [(name: String, column: String)]()
            for (field, v) in l.members {
                switch field {
                case "table", "id", "geometry":
                    guard let s = v.stringValue, !s.isEmpty else { throw bad("layer \(key): \"\(field)\" must be a non-empty string") }
                    fields[field] = s
                case "properties":
                    guard let p = v.objectValue else { throw bad("layer \(key): \"properties\" must be an object (our property name: their column)") }
                    for (name, c) in p.members {
                        guard let column = c.stringValue, !column.isEmpty else { throw bad("layer \(key): property \"\(name)\" must name a column") }
                        if name == "id" { throw bad("layer \(key): property \"id\" is the layer's \"id\" column, not a property") }
                        if properties.contains(where: { $0.name == name }) { throw bad("layer \(key): property \"\(name)\" is given twice") }
                        properties.append((name, column))
                    }
                default:
                    throw bad("layer \(key): unknown key \"\(field)\" (a layer has table, id, geometry, properties)")
                }
            }
            for needed in ["table", "id", "geometry"] where fields[needed] == nil {
                throw bad("layer \(key): \"\(needed)\" is missing")
            }
            if layer == .corridors, !properties.contains(where: { $0.name == "width_km" }) {
                throw bad("layer corridors: \"properties\" must map \"width_km\" (a corridor's width, which its questions need)")
            }
            layers[layer] = Layer(table: fields["table"]!, id: fields["id"]!, geometry: fields["geometry"]!, properties: properties)
        }
        self.layers = layers
    }
}
