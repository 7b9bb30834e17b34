import Foundation

/// Rounding of property values, so that the numbers written are the ones the README promises.
enum Rounding {
    static func places(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
