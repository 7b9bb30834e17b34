import Foundation

/// Whether a rail line carries trains today: the `status` property of `rail.geojson`.
///
/// `operating` (older data says `operational`; a line without a status is taken as operating),
/// `under_construction` or `planned`.
public enum LineStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case operating
    case underConstruction = "under_construction"
    case planned

    /// The status a `status` property names: `operational` is read as `operating`, nil (absent) as
    /// `operating`; any other text is no status (nil), which the loader refuses.
    public static func parse(_ text: String?) -> LineStatus? {
        guard let text else { return .operating }
        if text == "operational" { return .operating }
        return LineStatus(rawValue: text)
    }
}

/// A set of line statuses: which lines a rail network routes over.
///
///     let statuses = try LineStatuses(parsing: ["under_construction"])  // [.operating, .underConstruction]
public struct LineStatuses: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let operating = LineStatuses(rawValue: 1)
    public static let underConstruction = LineStatuses(rawValue: 2)
    public static let planned = LineStatuses(rawValue: 4)

    /// The set holding one status.
    public init(_ status: LineStatus) {
        switch status {
        case .operating: self = .operating
        case .underConstruction: self = .underConstruction
        case .planned: self = .planned
        }
    }

    /// Operating lines plus every status named (`under_construction`, `planned`, `operating`; also
    /// `operational`), each item possibly a comma-separated list.
    /// - Throws: `QueryError.invalidArgument` naming a value that is no status.
    public init(parsing items: [String]) throws {
        self = .operating
        for item in items {
            for word in item.split(separator: ",", omittingEmptySubsequences: false) {
                let w = word.trimmingCharacters(in: .whitespaces)
                guard !w.isEmpty, let s = LineStatus.parse(w) else {
                    throw QueryError.invalidArgument(
                        "\"\(TerminalText.escaped(String(w)))\" is no line status; use under_construction or planned (operating lines are always included)")
                }
                insert(LineStatuses(s))
            }
        }
    }

    /// Whether a line with `status` is in the set.
    public func contains(_ status: LineStatus) -> Bool { contains(LineStatuses(status)) }

    /// The statuses in the set, as the data writes them: `operating`, `under_construction`, `planned`.
    public var names: [String] { LineStatus.allCases.filter { contains($0) }.map(\.rawValue) }
}
