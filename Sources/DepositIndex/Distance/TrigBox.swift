import Foundation
import Geo

/// A longitude/latitude box with the sines and cosines of its sides, worked out once when an index is
/// built, so a geodesic lower bound for it (`BoxLowerBound`) costs a few multiplications and one square
/// root rather than a dozen trigonometric calls at each of the hundred boxes a search looks at.
struct TrigBox {
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    let sinMinX: Double, cosMinX: Double, sinMaxX: Double, cosMaxX: Double
    let sinMinY: Double, cosMinY: Double, sinMaxY: Double, cosMaxY: Double

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
        let r = Double.pi / 180
        sinMinX = sin(minX * r); cosMinX = cos(minX * r)
        sinMaxX = sin(maxX * r); cosMaxX = cos(maxX * r)
        sinMinY = sin(minY * r); cosMinY = cos(minY * r)
        sinMaxY = sin(maxY * r); cosMaxY = cos(maxY * r)
    }

    init(_ box: Envelope) {
        self.init(minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY)
    }

    var envelope: Envelope { Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY) }

    func meets(_ w: Envelope) -> Bool {
        minX <= w.maxX && w.minX <= maxX && minY <= w.maxY && w.minY <= maxY
    }
}
