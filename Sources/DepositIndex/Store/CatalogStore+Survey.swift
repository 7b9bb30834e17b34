import Foundation

extension CatalogStore: EditableFeatureSource {
    /// Adds the deposits of survey files to the store, in one transaction, after the survey validator has
    /// passed them; see `EditableFeatureSource.intake` for every check and refusal. SQLite's write lock is
    /// taken before the validator reads the store and held until the insert commits.
    public func addSurvey(files: [URL], allowOverlap: Bool = false, layer: String? = nil) throws -> SurveyIntake {
        try intake(files: files, allowOverlap: allowOverlap, layer: layer)
    }

    /// Removes deposits by id, in one transaction; refuses (writing nothing) with `StoreError.unknownIDs`
    /// when any id is not there.
    public func removeDeposits(ids: [String]) throws {
        try remove(ids: ids)
    }

    package func createEmptyLayer(_ layer: StoreLayer) throws {
        try replace([layer: []])
    }
}
