import Foundation
import Geo

/// What `addSurvey` did, or would have refused.
public struct SurveyIntake: Sendable {
    /// The validator's report, checked against the store's country, regions and nearby deposits.
    public var report: SurveyReport
    /// Deposit ids inserted, and those that replaced a deposit with the same id.
    public var added: [String]
    public var replaced: [String]
    /// What the user should know though nothing was refused: a `properties.id` that differs from the
    /// feature's top-level id (which wins; `properties.id` is not stored).
    public var notes: [String] = []
}

/// A store that takes edits: what the survey intake and removal (`intake`, `remove`) need of it, so
/// that both stores share one copy of their checks. Every method but `edit` runs inside `edit`'s body.
package protocol EditableFeatureSource: FeatureSource {
    /// Runs `body` as one write transaction that no other writer interleaves with, the layer facts read
    /// afresh once the writer's lock is held; on any failure nothing of it is written.
    func edit<T>(_ body: () throws -> T) throws -> T
    /// Creates an empty layer (the deposits layer of a store imported without one).
    func createEmptyLayer(_ layer: StoreLayer) throws
    /// Inserts features (with their look-up keys), widening the layer's columns for new properties.
    func insert(_ features: [StoredFeature], into layer: StoreLayer, progress: ((Int) -> Void)?) throws
    /// Deletes features by id; returns how many were there.
    func delete(ids: [String], from layer: StoreLayer) throws -> Int
}

extension EditableFeatureSource {
    /// Adds the deposits of survey files to the store, in one transaction, after the survey validator has
    /// passed them: a survey with errors is refused, and so is one overlapping a deposit already in the
    /// store unless `allowOverlap`. A feature with the id of a stored deposit replaces it (that is how a
    /// survey updates a deposit, and the validator does not count it as an overlap).
    ///
    /// The store takes GeoJSON in WGS84 longitude/latitude whose every feature has an id (the top-level
    /// `id`, else `properties.id`), or a format GDAL reads (`GDALFormat`) whose features have an `id`
    /// attribute, transformed from the file's CRS to WGS84 (`layer`: only that layer of it); WKT and CSV surveys, which carry no ids, are refused with a
    /// `StoreError` saying so, and so are a survey stating another CRS, one with no features, and a store
    /// without a country outline to check against.
    ///
    /// The write lock is taken before the validator reads the store's country, regions and nearby
    /// deposits, and held until the insert commits: of two processes adding the same outline at once,
    /// the second is checked against what the first stored, and refused. Nothing is written when anything
    /// is refused; the report says why.
    package func intake(files: [URL], allowOverlap: Bool, layer: String?) throws -> SurveyIntake {
        let surveyed = try CatalogStore.readSurveys(files, layer: layer)
        var options = SurveyValidator.Options()
        options.checkDepositProperties = true
        options.layer = layer
        return try edit {
            let country = try allFeatures(.country)
            guard hasLayer(.country), !country.isEmpty else {
                throw !hasLayer(.country)
                    ? StoreError.missingLayer(path: storeName, layer: .country, neededFor: "checking that a survey lies inside the country")
                    : StoreError.refused("the store \(storeName) has an empty country layer, so a survey cannot be checked to lie inside the country; import a country.geojson with the outline first")
            }
            let context = try validationCatalog(country: country, around: surveyed.compactMap(\.geometry))
            let report = SurveyValidator(catalog: context, options: options).validate(files: files)
            let blocking = report.problems.filter { p in
                p.code == .overlapsDeposit ? !allowOverlap : p.severity == .error
            }
            if !blocking.isEmpty {
                throw SurveyRefusal(report: report, blocking: blocking)
            }
            let unnamed = surveyed.filter { $0.id == nil }
            if !unnamed.isEmpty {
                throw StoreError.refused("""
                    every deposit in the store needs an id, and \(unnamed.count) feature\(unnamed.count == 1 ? " has" : "s have") none \
                    (\(unnamed.prefix(5).map { "\($0.file) \($0.label)" }.joined(separator: ", "))\(unnamed.count > 5 ? ", ..." : "")); \
                    give each feature an "id" member (or an "id" property); nothing was added
                    """)
            }
            var seen = [String: String]()
            for f in surveyed {
                if let first = seen.updateValue("\(f.file) \(f.label)", forKey: f.id ?? "") {
                    throw StoreError.refused("two features of the survey have the id \"\(f.id ?? "")\" (\(first) and \(f.file) \(f.label)); nothing was added")
                }
            }
            let rows = surveyed.map { StoredFeature(id: $0.id ?? "", properties: StoredRecords.storable($0.properties), geometry: $0.geometry) }
            var intake = SurveyIntake(report: report, added: [], replaced: [])
            intake.notes = surveyed.compactMap { f in
                StoredRecords.conflictNote(file: f.file, id: f.id ?? "", properties: f.properties)
            }
            if !hasLayer(.deposits) {
                try createEmptyLayer(.deposits)
            }
            let existing = Set(try features(.deposits, ids: rows.map(\.id)).map(\.id))
            intake.replaced = rows.map(\.id).filter(existing.contains)
            intake.added = rows.map(\.id).filter { !existing.contains($0) }
            _ = try delete(ids: intake.replaced, from: .deposits)
            try insert(rows, into: .deposits, progress: nil)
            return intake
        }
    }

    /// Removes deposits by id, in one transaction; refuses (writing nothing) with `StoreError.unknownIDs`
    /// when any id is not there.
    package func remove(ids: [String]) throws {
        try edit {
            let present = Set(try features(.deposits, ids: ids).map(\.id))
            let missing = ids.filter { !present.contains($0) }
            if !missing.isEmpty {
                throw StoreError.unknownIDs(path: storeName, missing)
            }
            _ = try delete(ids: ids, from: .deposits)
        }
    }

    /// The country, the regions and the deposits near the given shapes: what the validator checks against.
    private func validationCatalog(country: [StoredFeature], around shapes: [Shape]) throws -> Catalog {
        var picked = PickedFeatures()
        picked.add(.country, country)
        picked.add(.regions, try allFeatures(.regions))
        for s in shapes where !s.coordinates.isEmpty {
            let box = Catalog.box(of: s)
            let window = Envelope(minX: box.minX - 0.01, minY: box.minY - 0.01, maxX: box.maxX + 0.01, maxY: box.maxY + 0.01)
            picked.add(.deposits, try features(.deposits, edgesMeeting: window))
        }
        return try catalog(picked.byLayer)
    }
}

/// A survey refused by `addSurvey`: the whole report, and the problems that decided it.
public struct SurveyRefusal: Error, CustomStringConvertible {
    public var report: SurveyReport
    public var blocking: [SurveyProblem]

    public var description: String {
        let overlaps = blocking.filter { $0.code == .overlapsDeposit }.count
        var text = "survey refused (\(report.summary)); nothing was added"
        if overlaps > 0 { text += "; \(overlaps) overlap\(overlaps == 1 ? "" : "s") with deposits in the store (--allow-overlap accepts them)" }
        return ([text] + blocking.prefix(20).map { "  \($0)" } + (blocking.count > 20 ? ["  ... and \(blocking.count - 20) more"] : []))
            .joined(separator: "\n")
    }
}
