import DepositIndex
import Geo

/// The countries a rail line runs through, and how much of it lies in each, measured on the ellipsoid.
///
/// Kazakhstan is the country layer's outline (geoKZ, `kaz_adm0`); every other country is Natural Earth
/// 1:50m (`raw/ne_50m_admin0_kz_box.geojson`, used as context only). Each geodesic segment of a line is
/// sampled: cut into pieces of at most `pieceLength` metres along the geodesic, and each piece counted,
/// whole, in the country holding its midpoint (the geodesic midpoint, from `Geodesic.direct`). A piece
/// that crosses a border is thus counted on one side, so each crossing moves at most `pieceLength` from
/// one country to the other. A midpoint in no outline (the Caspian, a sliver between the two sources'
/// borders) is counted in Kazakhstan when Natural Earth's Kazakhstan holds it, else in no country.
struct LineCountries {
    static let pieceLength = 500.0

    struct Country {
        let code: String
        let name: String
        let outline: PreparedGeometry
        let box: Envelope
    }

    /// Kazakhstan first, then Natural Earth's other countries in the file's order.
    private let countries: [Country]
    /// Natural Earth's own Kazakhstan, for the slivers between the two sources.
    private let neKazakhstan: PreparedGeometry?

    init(kazakhstan: Shape, neighbours: [Feature]) throws {
        var countries = [Country(code: "KZ", name: "Kazakhstan", outline: try PreparedGeometry(Geometry(kazakhstan)),
                                 box: Envelope(covering: kazakhstan.coordinates)!)]
        var neKazakhstan: PreparedGeometry?
        for f in neighbours {
            guard let code = f.properties["ISO_A2"]?.stringValue, let name = f.properties["NAME"]?.stringValue, let shape = f.geometry,
                  let box = Envelope(covering: shape.coordinates) else {
                throw BuildError("ne_50m_admin0_kz_box: a feature lacks ISO_A2, NAME or a polygon")
            }
            let outline = try PreparedGeometry(Geometry(shape))
            if code == "KZ" { neKazakhstan = outline } else { countries.append(Country(code: code, name: name, outline: outline, box: box)) }
        }
        self.countries = countries
        self.neKazakhstan = neKazakhstan
    }

    /// English name of a country by its ISO code, as Natural Earth writes it.
    func name(of code: String) -> String? { countries.first { $0.code == code }?.name }

    /// The country holding `c`, or nil.
    func country(at c: Coordinate) throws -> String? {
        let point = try Geometry(point: c)
        for country in countries where country.box.contains(c) {
            if try country.outline.covers(point) { return country.code }
        }
        if let neKazakhstan, try neKazakhstan.covers(point) { return "KZ" }
        return nil
    }

    /// One sampled piece of a line: where it starts and ends, its length and the country of its midpoint.
    struct Piece {
        let start: Coordinate
        let end: Coordinate
        let metres: Double
        let country: String?
    }

    /// Each part of `lines` as its sampled pieces, in order.
    func pieces(of lines: [[Coordinate]]) throws -> [[Piece]] {
        try lines.map { line in
            var pieces = [Piece]()
            for (a, b) in zip(line, line.dropFirst()) {
                let inverse = Geodesic.wgs84.inverse(a, b)
                guard inverse.distance > 0 else { continue }
                let count = max(1, Int((inverse.distance / Self.pieceLength).rounded(.up)))
                let step = inverse.distance / Double(count)
                var start = a
                for i in 0..<count {
                    let mid = Geodesic.wgs84.direct(from: a, azimuth: inverse.azimuth1, distance: (Double(i) + 0.5) * step).point
                    let end = i == count - 1 ? b : Geodesic.wgs84.direct(from: a, azimuth: inverse.azimuth1, distance: Double(i + 1) * step).point
                    pieces.append(Piece(start: start, end: end, metres: step, country: try country(at: mid)))
                    start = end
                }
            }
            return pieces
        }
    }

    /// Metres of `lines` in each country (nil key: in none), by the sampling above.
    func lengths(of lines: [[Coordinate]]) throws -> [String?: Double] {
        var lengths = [String?: Double]()
        for part in try pieces(of: lines) { for p in part { lengths[p.country, default: 0] += p.metres } }
        return lengths
    }
}
