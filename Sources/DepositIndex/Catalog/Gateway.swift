/// What makes a station a gateway: a sea port or a border crossing on the Kazakh side
/// (`kind` `port` or `border_crossing` with `in_kazakhstan` true in `stations.geojson`). Far-side
/// stations such as Alashankou or Khorgos in China are border crossings but not gateways.
public struct Gateway: Hashable, Sendable, Codable {
    /// A sea port or a border crossing.
    public enum Kind: String, Hashable, Sendable, Codable {
        case port
        case borderCrossing = "border_crossing"
    }

    public var kind: Kind
    /// ISO 3166-1 alpha-2 code of the country across the border; nil for a port or where the data lacks it.
    public var countryAcross: String?
    /// Its name, as the data gives it.
    public var countryAcrossName: String?
    /// The sea a port opens on ("Caspian Sea").
    public var sea: String?
    /// Track gauge on the far side, millimetres (1435 into China, 1520 elsewhere); nil where not known.
    public var gaugeAcrossMM: Int?
    /// Where the gateway's facts come from.
    public var sources: [String]

    public init(kind: Kind, countryAcross: String? = nil, countryAcrossName: String? = nil, sea: String? = nil,
                gaugeAcrossMM: Int? = nil, sources: [String] = []) {
        self.kind = kind; self.countryAcross = countryAcross; self.countryAcrossName = countryAcrossName
        self.sea = sea; self.gaugeAcrossMM = gaugeAcrossMM; self.sources = sources
    }

    /// The gateway a station's properties describe, or nil when it is none (another kind, or not in Kazakhstan).
    static func of(kind: String?, properties p: JSONObject) -> Gateway? {
        guard let kind = kind.flatMap(Kind.init(rawValue:)), p["in_kazakhstan"] == .bool(true) else { return nil }
        let sources: [String]
        if let list = p["gateway_sources"]?.arrayValue { sources = list.compactMap(\.stringValue) }
        else { sources = p["gateway_sources"]?.stringValue.map { [$0] } ?? [] }
        return Gateway(kind: kind, countryAcross: p["country_across"]?.stringValue,
                       countryAcrossName: p["country_across_name"]?.stringValue, sea: p["sea"]?.stringValue,
                       gaugeAcrossMM: p["gauge_across_mm"]?.doubleValue.flatMap(wholeNumber), sources: sources)
    }
}
