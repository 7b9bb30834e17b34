import DepositIndex
import Foundation
import Geo

/// How the table output writes quantities: distances in km with one decimal, or in whole metres under
/// 1 km; areas in km²; shares in percent; coordinates as latitude, longitude (how people read them).
enum Units {
    static func distance(_ metres: Double) -> String {
        guard metres.isFinite else { return "-" }  // never converted to Int: infinity or NaN would trap
        if metres < 1000 { return "\(Int(metres.rounded())) m" }
        return String(format: "%.1f km", metres / 1000)
    }

    /// A distance for a map's properties: metres to a tenth, as the other GeoJSON answers give them.
    static func metres(_ m: Double) -> JSONValue { .number((m * 10).rounded() / 10) }

    static func area(_ squareKilometres: Double) -> String {
        if squareKilometres < 0.01 && squareKilometres > 0 { return String(format: "%.4f km²", squareKilometres) }
        return String(format: "%.2f km²", squareKilometres)
    }

    static func share(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }

    static func point(_ lonLat: [Double]) -> String {
        guard lonLat.count == 2 else { return "-" }
        // The reader's own formatter, so whatever a table prints, `deposits at` reads back.
        return CoordinateText.text(Coordinate(longitude: lonLat[0], latitude: lonLat[1]))
    }
}
