import Foundation
import Geo

/// What `addSurvey` did, or would have refused.
public struct SurveyIntake: Sendable {
    /// The validator's report, checked against the store's country, regions and nearby deposits.
    public var report: SurveyReport
    /// Deposit ids inserted, and those that replaced a deposit with the same id.
    public var added: [String]
    public var replaced: [String]
}

extension CatalogStore {
    /// Adds the deposits of survey files (GeoJSON) to the store, in one transaction, after the survey
    /// validator has passed them: a survey with errors is refused, and so is one overlapping a deposit
    /// already in the store unless `allowOverlap`. A feature with the id of a stored deposit replaces it
    /// (that is how a survey updates a deposit, and the validator does not count it as an overlap).
    /// Nothing is written when anything is refused; the report says why. Surveys are GeoJSON in WGS84
    /// longitude/latitude (the validator reads other formats, but the store takes what it can insert as is).
    public func addSurvey(files: [URL], allowOverlap: Bool = false) throws -> SurveyIntake {
        var surveyed = [Feature]()
        for url in files {
            let bytes = try InputFile.read(url)
            if let parsed = try? GeoJSON.features(parsing: bytes) { surveyed += parsed }
        }
        let context = try validationCatalog(around: surveyed.compactMap(\.geometry))
        let report = SurveyValidator(catalog: context).validate(files: files)
        var intake = SurveyIntake(report: report, added: [], replaced: [])
        let blocking = report.problems.filter { p in
            p.code == .overlapsDeposit ? !allowOverlap : p.severity == .error
        }
        if !blocking.isEmpty {
            throw SurveyRefusal(report: report, blocking: blocking)
        }
        let rows = surveyed.map { StoredFeature(id: $0.id ?? "", properties: $0.properties, geometry: $0.geometry) }
        if let unnamed = rows.firstIndex(where: { $0.id.isEmpty }) {
            throw StoreError.refused("\(files.map(\.path).joined(separator: ", ")): feature \(unnamed) has no id; a deposit needs one")
        }
        try edit {
            if columns[.deposits] == nil {
                try replace([.deposits: []])
            }
            let existing = Set(try features(.deposits, ids: rows.map(\.id)).map(\.id))
            intake.replaced = rows.map(\.id).filter(existing.contains)
            intake.added = rows.map(\.id).filter { !existing.contains($0) }
            _ = try delete(ids: intake.replaced, from: .deposits)
            try insert(rows, into: .deposits)
        }
        return intake
    }

    /// Removes deposits by id, in one transaction; refuses (writing nothing) when any id is not there.
    public func removeDeposits(ids: [String]) throws {
        try edit {
            let present = Set(try features(.deposits, ids: ids).map(\.id))
            let missing = ids.filter { !present.contains($0) }
            if !missing.isEmpty {
                throw StoreError.refused("no deposit with id \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) in \(path); nothing removed")
            }
            _ = try delete(ids: ids, from: .deposits)
        }
    }

    /// The country, the regions and the deposits near the given shapes: what the validator checks against.
    private func validationCatalog(around shapes: [Shape]) throws -> Catalog {
        var picked = Picked()
        picked.add(.country, try allFeatures(.country))
        picked.add(.regions, try allFeatures(.regions))
        for s in shapes where !s.coordinates.isEmpty {
            let box = Catalog.box(of: s)
            let window = Envelope(minX: box.minX - 0.01, minY: box.minY - 0.01, maxX: box.maxX + 0.01, maxY: box.maxY + 0.01)
            picked.add(.deposits, try features(.deposits, meeting: padded(window, .deposits)))
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
