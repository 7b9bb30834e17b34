/// The WGS84 ellipsoid's constants, stated once for the bounds that use them without a geodesic solve
/// (`Cartesian`, `CentralPlane`, `BoxLowerBound`, `LocalPlane`, `GeodesicFoot`). The geodesics themselves
/// are solved by `Geodesic.wgs84` in `Sources/Geo/Geodesic.swift` (PROJ's `geod_*`), made from the same
/// `a` and `f`.
enum WGS84 {
    /// Equatorial radius (semi-major axis), metres.
    static let a = 6_378_137.0
    /// Flattening.
    static let f = 1 / 298.257223563
    /// First eccentricity squared, f(2 - f) = 0.0066943799901413165, the same double to the last bit as
    /// the literal the bounds were written with (a test pins it).
    static let e2 = f * (2 - f)
    /// a(1 - e²), metres (6 335 439 m): the meridian radius of curvature at the equator, the smallest
    /// radius of curvature anywhere on the ellipsoid, which the lower bounds take as their sphere.
    static let minimumRadius = a * (1 - e2)
    /// The mean radius (2a + b)/3 rounded to 0.1 m, as IUGG gives it; only for scaling steps whose result
    /// the geodesic itself then measures (`GeodesicFoot`), so its last digits do not matter.
    static let meanRadius = 6_371_008.8
}
