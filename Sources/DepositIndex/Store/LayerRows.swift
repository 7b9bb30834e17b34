import Foundation

/// Writes features as rows of a layer, with their name keys: the one way `insert` (an edit) and `fill`
/// (an import) write a row, so both refuse a duplicate id alike and number rows alike.
struct LayerRows {
    private let db: SQLiteConnection
    private let layer: StoreLayer
    private let columns: PropertyColumns
    private let row: SQLiteStatement
    private let key: SQLiteStatement
    /// One row's values, its storage kept from row to row.
    private var values = [SQLiteValue]()

    init(_ db: SQLiteConnection, layer: StoreLayer, columns: PropertyColumns) throws {
        self.db = db
        self.layer = layer
        self.columns = columns
        let names = columns.columns.map { ", " + GeoPackageSchema.quoted($0.name) }.joined()
        row = try db.prepare("INSERT INTO \(GeoPackageSchema.quoted(layer.table)) (geom, id\(names)) VALUES (?, ?\(String(repeating: ", ?", count: columns.columns.count)))")
        key = try db.prepare("INSERT INTO depositindex_names VALUES ('\(layer.table)', ?, ?)")
        values.reserveCapacity(2 + columns.columns.count)
    }

    /// Writes `feature`'s row and its name `keys`; returns the row's fid. A duplicate id is refused,
    /// naming the layer's file and the id.
    mutating func write(_ feature: StoredFeature, keys: [String]) throws -> Int64 {
        values.removeAll(keepingCapacity: true)
        values.append(feature.geometry.map { .blob(GeoPackageBinary.encode($0)) } ?? .null)
        values.append(.text(feature.id))
        for (name, kind) in columns.columns { values.append(PropertyColumns.sqlValue(feature.properties[name], kind)) }
        do {
            try row.run(values)
        } catch let e as SQLiteError where e.message.contains("UNIQUE") {
            throw StoreError.refused("\(layer.fileName): feature id \"\(feature.id)\" is already in the store")
        }
        let fid = db.lastInsertRowID
        for k in keys { try key.run([.text(k), .integer(fid)]) }
        return fid
    }
}
