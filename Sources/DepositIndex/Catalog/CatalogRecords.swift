import Geo

/// A mineral deposit: one feature of `deposits.geojson`.
public struct Deposit: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Other spellings (Russian, Kazakh, older transliterations).
    public var aliases: [String]
    /// Element symbols, main commodity first.
    public var commodities: [String]
    public var status: String?
    /// How the outline was made, e.g. `subsoil_blocks`.
    public var footprint: String?
    public var locationPrecisionM: Double?
    public var source: String?
    /// Polygon, MultiPolygon or Point; nil where the location is not public.
    public var geometry: Shape?
    /// Every property as read, in file order.
    public var properties: JSONObject

    public init(id: String, name: String, aliases: [String] = [], commodities: [String] = [], status: String? = nil,
                footprint: String? = nil, locationPrecisionM: Double? = nil, source: String? = nil,
                geometry: Shape?, properties: JSONObject = JSONObject()) {
        self.id = id; self.name = name; self.aliases = aliases; self.commodities = commodities; self.status = status
        self.footprint = footprint; self.locationPrecisionM = locationPrecisionM; self.source = source
        self.geometry = geometry; self.properties = properties
    }
}

/// A rail line: one feature of `rail.geojson`.
public struct RailLine: Hashable, Sendable {
    public var id: String
    public var name: String
    /// `operating` (older data: `operational`; absent means operating), `under_construction` or `planned`.
    public var status: String?
    public var geometrySource: String?
    public var source: String?
    /// Year (or date) the line opened or is due to open, as the data writes it.
    public var openedOrDue: String?
    /// A name a reader of Latin script can use beside the local `name`.
    public var nameLatin: String?
    /// ISO 3166-1 alpha-2 codes of the countries the line runs through, by length in each.
    public var countries: [String]
    /// Track gauge, millimetres (1520 or 1435); nil where the data does not say (never assumed).
    public var gaugeMM: Int?
    /// LineString or MultiLineString; edges are geodesics.
    public var geometry: Shape
    public var properties: JSONObject

    public init(id: String, name: String, status: String? = nil, geometrySource: String? = nil, source: String? = nil,
                openedOrDue: String? = nil, nameLatin: String? = nil, countries: [String] = [], gaugeMM: Int? = nil,
                geometry: Shape, properties: JSONObject = JSONObject()) {
        self.id = id; self.name = name; self.status = status; self.geometrySource = geometrySource
        self.source = source; self.openedOrDue = openedOrDue; self.nameLatin = nameLatin; self.countries = countries
        self.gaugeMM = gaugeMM; self.geometry = geometry; self.properties = properties
    }

    /// The status read (`LineStatus.parse`): nil only for a status the loader would refuse.
    public var lineStatus: LineStatus? { LineStatus.parse(status) }

    /// True for a line that carries trains today: the only lines the near-rail distance engine measures
    /// to, and the only ones a `RailNetwork` routes over unless asked for more.
    public var isOperating: Bool { lineStatus == .operating }

    /// `nameLatin` where the data has one, else `name`.
    public var latinName: String { nameLatin ?? name }
}

/// A railway station, port or border crossing: one feature of `stations.geojson`.
public struct Station: Hashable, Sendable {
    public var id: String
    public var name: String
    /// `station`, `port` or `border_crossing`.
    public var kind: String?
    public var location: Coordinate
    public var properties: JSONObject
    /// What makes it a gateway (a port or border crossing in Kazakhstan), or nil for any other station.
    public var gateway: Gateway? = nil
}

/// A transport corridor: a centre line and a full width, one feature of `corridors.geojson`.
public struct Corridor: Hashable, Sendable {
    public var id: String
    public var name: String
    public var aliases: [String]
    /// Full width in kilometres; the corridor reaches half of it either side of the centre line.
    public var widthKm: Double
    public var geometry: Shape
    public var properties: JSONObject
}

/// A first-level administrative region: one feature of `regions.geojson` (id is the ISO 3166-2 code).
public struct Region: Hashable, Sendable {
    public var id: String
    public var name: String
    public var nameKk: String?
    public var nameRu: String?
    public var geometry: Shape
    public var properties: JSONObject
}

/// The country outline, from `country.geojson`.
public struct CountryOutline: Hashable, Sendable {
    public var id: String
    public var name: String
    public var geometry: Shape
}
