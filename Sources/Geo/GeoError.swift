/// An error raised by the geometry or projection layer, carrying the underlying library's own words.
public enum GeoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// GEOS reported an error; the text is GEOS's message.
    case geos(String)
    /// PROJ reported an error; the text is PROJ's message.
    case proj(String)
    /// The caller passed something that cannot form the requested geometry.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .geos(let message): return "GEOS: \(message)"
        case .proj(let message): return "PROJ: \(message)"
        case .invalidInput(let message): return message
        }
    }
}
