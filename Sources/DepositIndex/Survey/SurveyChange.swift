/// One change `SurveyRepair` made to a feature, with what it did to the feature's area.
public struct SurveyChange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What the change did; the raw value is stable, for scripts.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Coordinates transformed from the stated CRS to WGS84 longitude/latitude.
        case transformCRS = "transform-crs"
        /// Each pair turned from [latitude, longitude] to [longitude, latitude].
        case swapAxes = "swap-axes"
        /// Consecutive repeated positions removed.
        case dropRepeatedPoints = "drop-repeated-points"
        /// The first position repeated at the end of a ring.
        case closeRing = "close-ring"
        /// A ring with fewer than three distinct corners removed.
        case dropDegenerateRing = "drop-degenerate-ring"
        /// Rebuilt with GEOS make-valid (structure method) in an equal-area plane centred on the feature.
        case makeValid = "make-valid"
        /// Exterior rings made counter-clockwise and holes clockwise (RFC 7946).
        case rewind = "rewind"
    }

    public var kind: Kind
    /// The input file, as given.
    public var file: String
    /// The feature's id, else its position.
    public var feature: String
    /// What was done, for people.
    public var message: String
    /// Geodesic area on WGS84 before and after the change, km²; nil where not measurable (before a CRS transform).
    public var areaBeforeKm2: Double?
    public var areaAfterKm2: Double?

    /// A change with its areas before and after.
    public init(kind: Kind, file: String, feature: String, message: String, areaBeforeKm2: Double?, areaAfterKm2: Double?) {
        self.kind = kind
        self.file = file
        self.feature = feature
        self.message = message
        self.areaBeforeKm2 = areaBeforeKm2
        self.areaAfterKm2 = areaAfterKm2
    }

    /// After minus before, km²: what the change added to (or took from) the outline.
    public var areaEffectKm2: Double? {
        guard let areaBeforeKm2, let areaAfterKm2 else { return nil }
        return areaAfterKm2 - areaBeforeKm2
    }

    public var description: String {
        let effect = areaEffectKm2.map { " (area \($0 >= 0 ? "+" : "")\(PlausibilityChecks.format($0)) km²)" } ?? ""
        return "\(file) \(feature): \(kind.rawValue): \(message)\(effect)"
    }
}

/// What `SurveyRepair` did: every change, and the features it could not repair (written unchanged).
public struct SurveyRepairResult: Hashable, Sendable, Codable {
    /// Where the repaired copy was written; nil when only computed.
    public var output: String?
    /// Features read from all inputs.
    public var featureCount: Int
    /// Every change, in file and feature order.
    public var changes: [SurveyChange]
    /// Problems that stop a feature being repaired (unreadable positions, metres without a CRS...).
    public var unrepaired: [SurveyProblem]

    /// A result; `SurveyRepair` makes these.
    public init(output: String?, featureCount: Int, changes: [SurveyChange], unrepaired: [SurveyProblem]) {
        self.output = output
        self.featureCount = featureCount
        self.changes = changes
        self.unrepaired = unrepaired
    }

    /// One line per change, then a count.
    public func table() -> String {
        var lines = changes.map(\.description)
        lines += unrepaired.map { "\($0.file) \($0.feature ?? "-"): not repaired: [\($0.code.rawValue)] \($0.message)" }
        lines.append("\(featureCount) feature\(featureCount == 1 ? "" : "s"), \(changes.count) change\(changes.count == 1 ? "" : "s"), \(unrepaired.count) not repaired"
            + (output.map { "; written to \($0)" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
