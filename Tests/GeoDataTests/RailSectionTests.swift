import DepositIndex
import Foundation
import Geo
import XCTest

/// The published section lengths of `../shared/reference/rail_sections.csv`, measured along the bundled rail
/// network as `deposits route STATION STATION` measures them: operating lines only, ends joined within 100 m,
/// rail length between the two stations' rail points. The bundled lines are generalised (Natural Earth 1:10m,
/// straight chords between OSM stations), so they run short of the real track; the table in GeoData/README.md
/// gives the differences and their reasons. Nothing is scaled.
final class RailSectionTests: XCTestCase {
    /// The operating lines of the bundled data as a network, as routes use it by default.
    static let network: Result<(RailNetwork, Catalog), Error> = Result {
        let full = try Catalog(directory: GeoDataFiles.directory)
        let catalog = Catalog(deposits: full.deposits, rail: full.rail.filter { $0.status == "operating" }, stations: full.stations,
                              corridors: full.corridors, regions: full.regions, country: full.country)
        return (try RailNetwork(catalog: catalog, toleranceM: 100), catalog)
    }

    /// A published section, measured as the sum of one or more legs between stations (or a station and a point).
    struct Section {
        let legs: [(from: String, to: RouteEnd)]
        let published: Double
        let measuredKm: Double
        let source: String
    }

    // measuredKm: this network on the committed GeoData, as printed by the test (it moves only when the data does).
    // published and source: ../shared/reference/rail_sections.csv.
    static let sections = [
        // Zhezkazgan – Beineu, 988 km (uic.org e-news 414): "the 2014 line Zhezkazgan – Saksaulskaya and Shalkar – Beineu",
        // the two new-built parts; between them trains use the older Saksaulskiy – Shalkar line, which the 988 km leaves out
        // (station to station along the network Zhezkazgan – Beineu is 1,140.8 km). Legs: Jezqazğan (osm-922818608) –
        // Сексеуіл (Saksaulskiy, osm-2404537552) and Шалқар (Shalkar, osm-4032336057) – Beyneu (osm-4064729697).
        Section(legs: [("osm-922818608", .station("osm-2404537552")), ("osm-4032336057", .station("osm-4064729697"))],
                published: 988, measuredKm: 982.90, source: "uic.org e-news 414"),
        // Dostyk (Dostıq, osm-4025083258) – Moiynty (Мойынты, osm-1843860384): 836 km, astanatimes.com 2024-11-26.
        Section(legs: [("osm-4025083258", .station("osm-1843860384"))], published: 836, measuredKm: 815.37, source: "astanatimes.com 2024-11-26"),
        // Zhetygen (Жетыген, osm-2406190344) – Altynkol (Алтынкөл, osm-4046956026): 293 km, uic.org e-news 327.
        Section(legs: [("osm-2406190344", .station("osm-4046956026"))], published: 293, measuredKm: 276.89, source: "uic.org e-news 327"),
        // Beineu (Beyneu, osm-4064729697) – Mangystau: 404 km, Ministry of Transport via xalqqazeti.az. Mangystau station (OSM
        // node 4034464670, 43.69695 N 51.30896 E) is not in the stations layer (2.4 km from Natural Earth's line), so it is
        // given by its coordinates and the rail length runs to its nearest rail point.
        Section(legs: [("osm-4064729697", .point(Coordinate(longitude: 51.30896, latitude: 43.69695)))], published: 404, measuredKm: 409.90,
                source: "Ministry of Transport via xalqqazeti.az"),
        // Borzhakty (Боржакты, osm-4072423867) – Ersai (osm-7066119030): 13.9 km, Railway Gazette. The two OSM station nodes
        // are 16.5 km apart as the crow flies, so the published branch length is measured from elsewhere (the junction).
        Section(legs: [("osm-4072423867", .station("osm-7066119030"))], published: 13.9, measuredKm: 16.54, source: "Railway Gazette"),
    ]

    func testPublishedSectionsMeasuredAlongTheNetwork() throws {
        let (network, catalog) = try Self.network.get()
        for s in Self.sections {
            var km = 0.0
            for leg in s.legs {
                let route = try network.route(from: .station(leg.from), to: leg.to, catalog: catalog)
                km += route.railM / 1000
            }
            print("section \(s.legs.map { $0.from }): \(km) km, published \(s.published) km (\(s.source)), \((km - s.published) / s.published * 100)%")
            XCTAssertEqual(km, s.measuredKm, accuracy: 0.05, "\(s.legs.map { $0.from }), published \(s.published) km (\(s.source))")
        }
    }
}
