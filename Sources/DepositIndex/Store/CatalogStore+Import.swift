import Foundation

extension CatalogStore {
    /// Imports a data directory in the GeoData schema, or GeoJSON files named after their layers
    /// (`deposits.geojson`, `rail.geojson`, ...). Every layer given replaces that layer in the store;
    /// the others stay. The input is read and checked in full first (`CatalogLoader`: every problem,
    /// with file and feature), and written in one transaction.
    /// A feature's id is its top-level `id`, else `properties.id`; when both are there and differ, the
    /// top-level id wins and `note` is told (`properties.id` is not stored: the id column holds the id).
    /// - Returns: the layers written and their feature counts.
    @discardableResult
    public func importData(from inputs: [URL], progress: ((StoreProgress) -> Void)? = nil,
                           note: ((String) -> Void)? = nil) throws -> [(layer: StoreLayer, count: Int)] {
        try importData(try ImportInput(inputs), progress: progress, note: note)
    }

    /// What `importData` writes, read and checked in full: built before the store is opened, so that an
    /// input with problems leaves no new, empty store behind (`deposits import bad.geojson --into new.gpkg`).
    public struct ImportInput {
        let given: Set<StoreLayer>
        let layers: CatalogLayers
        let countryProperties: JSONObject?
        /// What reading a file through GDAL left out (Z, M, arcs), for the user.
        let notes: [String]

        /// Reads and checks `inputs` (a data directory, or GeoJSON files named after their layers);
        /// throws every problem found, with file and feature.
        public init(_ inputs: [URL]) throws {
            let (directory, given, notes, cleanup) = try CatalogStore.stage(inputs)
            defer { cleanup() }
            let layers = try CatalogLoader.load(directory)
            if given.contains(.deposits) { try CatalogStore.checkDepositSchema(layers.deposits) }
            var countryProperties: JSONObject?
            if given.contains(.country) {
                let bytes = try InputFile.read(directory.appendingPathComponent(StoreLayer.country.fileName))
                countryProperties = try GeoJSON.features(parsing: bytes).first?.properties
            }
            self.given = given
            self.layers = layers
            self.countryProperties = countryProperties
            self.notes = notes
        }

        /// The rows of each layer given, as a store writes them; `note` hears what the user should know
        /// (what GDAL left out, a `properties.id` differing from the id).
        package func rows(note: ((String) -> Void)?) -> [StoreLayer: [StoredFeature]] {
            if let note {
                notes.forEach(note)
                let stated: [(StoreLayer, [(String, JSONObject)])] = [
                    (.deposits, layers.deposits.map { ($0.id, $0.properties) }), (.rail, layers.rail.map { ($0.id, $0.properties) }),
                    (.stations, layers.stations.map { ($0.id, $0.properties) }), (.corridors, layers.corridors.map { ($0.id, $0.properties) }),
                    (.regions, layers.regions.map { ($0.id, $0.properties) }),
                    (.country, layers.country.map { [($0.id, countryProperties ?? JSONObject())] } ?? []),
                ]
                for (layer, features) in stated where given.contains(layer) {
                    for (id, p) in features { StoredRecords.conflictNote(file: layer.fileName, id: id, properties: p).map(note) }
                }
            }
            let all = StoredRecords.features(of: layers, country: countryProperties)
            var chosen = [StoreLayer: [StoredFeature]]()
            for layer in given { chosen[layer] = all[layer] ?? [] }
            return chosen
        }

        /// The layers written and their feature counts, in the layers' order.
        package func written(_ chosen: [StoreLayer: [StoredFeature]]) -> [(layer: StoreLayer, count: Int)] {
            StoreLayer.allCases.filter(given.contains).map { ($0, chosen[$0]?.count ?? 0) }
        }
    }

    /// Writes an input read and checked by `ImportInput` (see `importData(from:)`).
    @discardableResult
    public func importData(_ input: ImportInput, progress: ((StoreProgress) -> Void)? = nil,
                           note: ((String) -> Void)? = nil) throws -> [(layer: StoreLayer, count: Int)] {
        let chosen = input.rows(note: note)
        try replace(chosen, progress: progress)
        return input.written(chosen)
    }

    /// A directory the loader can read, and which layers the inputs give. Files are linked into a
    /// temporary directory under their layer names, with empty required layers where none was given.
    fileprivate static func stage(_ inputs: [URL]) throws -> (URL, Set<StoreLayer>, [String], () -> Void) {
        guard !inputs.isEmpty else { throw StoreError.refused("nothing to import: name a data directory or GeoJSON files") }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if inputs.count == 1, fm.fileExists(atPath: inputs[0].path, isDirectory: &isDirectory), isDirectory.boolValue {
            let given = Set(StoreLayer.allCases.filter { fm.fileExists(atPath: inputs[0].appendingPathComponent($0.fileName).path) })
            if given.isEmpty {
                throw StoreError.refused("\(inputs[0].path) holds none of \(StoreLayer.allCases.map(\.fileName).joined(separator: ", "))")
            }
            return (inputs[0], given, [], {})
        }
        var given = Set<StoreLayer>()
        for input in inputs {
            // Checked here, under the user's name for it, rather than in the staging directory below.
            do {
                try InputFile.check(input.path)
            } catch {
                throw StoreError.refused("\(error.description) (give one data directory, or GeoJSON files)")
            }
            // A format GDAL reads is converted below; its layers are known once it is read.
            if GDALFormat.of(path: input.path) != nil { continue }
            guard let layer = StoreLayer(fileName: input.lastPathComponent) else {
                throw StoreError.refused("\(input.path): cannot tell its layer from its name; name it one of \(StoreLayer.allCases.map(\.fileName).joined(separator: ", "))")
            }
            guard given.insert(layer).inserted else { throw StoreError.refused("two inputs for the \(layer.table) layer") }
        }
        let temp = fm.temporaryDirectory.appendingPathComponent("deposits-import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try fm.createDirectory(at: temp, withIntermediateDirectories: true)
        let cleanup = { _ = try? fm.removeItem(at: temp) }
        var notes = [String]()
        do {
            for input in inputs {
                if let format = GDALFormat.of(path: input.path) {
                    let staged = try stageThroughGDAL(input, format: format, into: temp)
                    for layer in staged.layers where !given.insert(layer).inserted {
                        throw StoreError.refused("two inputs for the \(layer.table) layer (\(input.path) is one); nothing was imported")
                    }
                    notes += staged.notes
                    continue
                }
                try fm.createSymbolicLink(at: temp.appendingPathComponent(input.lastPathComponent), withDestinationURL: input.standardizedFileURL.absoluteURL)
            }
            for layer in [StoreLayer.deposits, .rail] where !given.contains(layer) {
                try Data("{\"type\":\"FeatureCollection\",\"features\":[]}".utf8).write(to: temp.appendingPathComponent(layer.fileName))
            }
        } catch {
            cleanup()
            throw error
        }
        return (temp, given, notes, cleanup)
    }

    /// The catalog's schema for deposits (GeoData/README.md: name, aliases, commodities, status,
    /// footprint, location_precision_m, source), enforced on import as `deposits add` enforces it: a
    /// deposit lacking one is refused, all of them at once, with each kind of problem counted and its
    /// first deposits named (`deposits validate --schema` lists every one).
    static func checkDepositSchema(_ deposits: [Deposit]) throws {
        // Each deposit checked on every core; the problems counted in the deposits' order, as one pass would.
        let found = Parallel.map(deposits.count) { i in
            var messages = [String]()
            SchemaChecks.check(id: deposits[i].id, properties: deposits[i].properties) { _, _, message in messages.append(message) }
            return messages
        }
        var counts = [String: (count: Int, ids: [String])]()
        var order = [String]()
        for (d, messages) in zip(deposits, found) {
            for message in messages {
                if counts[message] == nil { order.append(message) }
                counts[message, default: (0, [])].count += 1
                if counts[message]!.ids.count < 3 { counts[message]!.ids.append(d.id) }
            }
        }
        if order.isEmpty { return }
        let lines = order.prefix(12).map { message -> String in
            let c = counts[message]!
            let more = c.count > c.ids.count ? " and \(c.count - c.ids.count) more" : ""
            return "  \(message) (\(c.ids.map { "\"\($0)\"" }.joined(separator: ", "))\(more))"
        }
        throw StoreError.refused("deposits.geojson does not hold what a catalog deposit needs (GeoData/README.md); nothing was imported:\n"
                                 + lines.joined(separator: "\n") + (order.count > 12 ? "\n  ... \(order.count - 12) more kinds of problem" : ""))
    }
}
