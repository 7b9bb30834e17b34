/// One thing wrong with a data directory: which file, which feature, what.
public struct CatalogProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file name, e.g. `deposits.geojson`.
    public var file: String
    /// The feature's id where it has one, else its position (`features[3]`); nil for a whole-file problem.
    public var feature: String?
    public var message: String

    public init(file: String, feature: String?, message: String) {
        self.file = file
        self.feature = feature
        self.message = message
    }

    /// One line: the feature's id comes from the data, so it is escaped (`TerminalText`) and cannot break the line.
    public var description: String {
        feature.map { "\(file): feature \(TerminalText.escaped($0)): \(message)" } ?? "\(file): \(message)"
    }
}

/// A data directory that cannot be loaded, with every problem found (nothing is loaded from it).
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The directory that was read.
    public var directory: String
    public var problems: [CatalogProblem]

    public var description: String {
        let head = "cannot load the data in \(directory): \(problems.count) problem\(problems.count == 1 ? "" : "s")"
        return ([head] + problems.prefix(50).map { "  " + $0.description }
            + (problems.count > 50 ? ["  ... and \(problems.count - 50) more"] : [])).joined(separator: "\n")
    }
}
