import Foundation

/// Lengths on WGS84 known without PROJ, for the hand-built networks of `NetworkTests`, `RouteTests` and
/// `BorderRuleTests`: along the equator a geodesic spanning Δλ (under (1 − f)·180°) is the equator itself,
/// a·Δλ long; along a meridian it is the meridian arc, the integral of the meridian's radius of curvature
/// M(φ) = a(1 − e²) / (1 − e² sin²φ)^(3/2), taken here by Simpson's rule.
enum EllipsoidArcs {
    static let a = 6_378_137.0
    static let f = 1 / 298.257223563

    /// Metres along the equator for `degrees` of longitude.
    static func equator(_ degrees: Double) -> Double { a * degrees * .pi / 180 }

    /// Metres along a meridian from latitude `from` to `to` (degrees): Simpson's rule on M(φ), 2,000
    /// intervals, far below a millimetre of error for a few degrees.
    static func meridian(_ from: Double, _ to: Double) -> Double {
        let e2 = f * (2 - f)
        func m(_ deg: Double) -> Double {
            let s = sin(deg * .pi / 180)
            return a * (1 - e2) / pow(1 - e2 * s * s, 1.5)
        }
        let n = 2_000, h = (to - from) / Double(n)
        var sum = m(from) + m(to)
        for i in 1..<n { sum += m(from + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return sum * h / 3 * .pi / 180
    }
}
