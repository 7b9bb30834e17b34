/// A metric projection centred on the geometry at hand, so planar GEOS operations can run in metres
/// with the least distortion there. Input and output of `forward` are longitude/latitude degrees and
/// metres on the WGS84 ellipsoid.
///
/// Why two kinds:
/// - Azimuthal equidistant keeps every distance *from the centre* exact (PROJ's ellipsoidal form follows
///   GeographicLib's geodesics), and distorts other distances only slowly with distance from the centre,
///   so it is the right plane to seed nearest-point searches around a query.
/// - Lambert azimuthal equal-area keeps every area exact, anywhere in the plane, so areas and area shares
///   (a deposit's share inside a corridor or a region) measured in it are the ellipsoid's areas.
/// Neither is used for a whole continent: the centre is always the geometry being measured.
public enum LocalProjection {
    public enum Kind: Sendable {
        case azimuthalEquidistant
        case lambertAzimuthalEqualArea
    }

    /// A projection of the given kind centred on `center` (longitude, latitude).
    public static func centered(on center: Coordinate, kind: Kind) throws -> Projection {
        let proj: String
        switch kind {
        case .azimuthalEquidistant: proj = "aeqd"
        case .lambertAzimuthalEqualArea: proj = "laea"
        }
        // A pipeline from degrees keeps PROJ off its database: a pure conversion, cheap to create per query.
        let definition = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
            + "+step +proj=\(proj) +lat_0=\(center.latitude) +lon_0=\(center.longitude) +x_0=0 +y_0=0 +ellps=WGS84"
        return try Projection(definition: definition)
    }

    /// A Lambert azimuthal equal-area projection centred on the geometry's envelope, for areas.
    public static func forAreas(around geometry: Geometry) throws -> Projection {
        try centered(on: center(of: geometry), kind: .lambertAzimuthalEqualArea)
    }

    /// The centre of a geographic geometry's extent. A geometry whose longitudes span more than 180°
    /// is taken to cross the antimeridian, and its centre is found on the short side.
    public static func center(of geometry: Geometry) throws -> Coordinate {
        guard let box = geometry.envelope else { throw GeoError.invalidInput("cannot centre a projection on an empty geometry") }
        return center(of: box)
    }

    public static func center(of box: Envelope) -> Coordinate {
        if box.width > 180 {
            // Crossing the antimeridian: the extent is really maxX .. minX + 360.
            var lon = (box.maxX + box.minX + 360) / 2
            if lon > 180 { lon -= 360 }
            return Coordinate(longitude: lon, latitude: (box.minY + box.maxY) / 2)
        }
        return box.center
    }
}
