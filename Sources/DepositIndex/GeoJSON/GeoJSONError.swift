/// A GeoJSON document that does not say what GeoJSON requires, with where.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where in the document: e.g. `features[3] (id "kz-w-001") geometry.coordinates[0][2]`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
