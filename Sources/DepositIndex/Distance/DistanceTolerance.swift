/// The distance engine's fixed tolerances, one constant per meaning, each with why it has its value. All
/// three happen to be a millimetre; they are kept apart so none is changed for another's sake. Margins
/// for rounding inside a single bound (`DistanceQuery.rounding`, `BoxLowerBound`'s shrink) stay beside the
/// proofs they belong to.
enum DistanceTolerance {
    /// Distances that round to the same millimetre are a tie, ordered by the caller's tie order (an id),
    /// so which of two features at one distance comes first (two lines through one junction, measured
    /// along different edges) does not hang on the last bits of two geodesic solves. A millimetre is far
    /// above the solver's error (15 nm, `Sources/Geo/Geodesic.swift`) and far below anything the data can
    /// tell apart (coordinates are kept to 7 decimals, about 1 cm). A search keeps going until
    /// `tie` past the k-th distance: anything that rounds to the same millimetre lies nearer than that.
    static let tie = 1e-3

    /// `metres` in whole millimetres: two distances with the same key are a tie. Written as `* 1000`, not
    /// `/ tie` (1e-3 has no exact binary form), so the key is the one answers have always been ordered by.
    static func tieKey(_ metres: Double) -> Double {
        (metres * 1000).rounded()
    }

    /// True when distance `a` comes before distance `b`: in a nearer millimetre (`tieKey`), or tied and
    /// first by `tieOrder`, which is asked only for a tie.
    static func precedes(_ a: Double, _ b: Double, tieOrder: @autoclosure () -> Bool) -> Bool {
        let ka = tieKey(a), kb = tieKey(b)
        return ka != kb ? ka < kb : tieOrder()
    }

    /// A geometry nearer than this to a border (a region's, the country's) is taken to meet it, and its
    /// share or crossing is worked out in full; only one at least a millimetre clear is placed wholly in
    /// or out by one of its vertices, where the containment test's rounding (nanometres) cannot put that
    /// vertex on the wrong side.
    static let contact = 1e-3

    /// Added to an upper bound on a distance beyond its relative margin (the query's radius:
    /// `Cartesian.geodesicUpperBound`, and `DistanceQuery`'s radius measured in its plane), so rounding
    /// cannot leave the bound low. A radius too large only loosens the lower bounds it is taken from, by
    /// this much; one too small would break them. A millimetre is about a million times the rounding of
    /// Earth-centred coordinates (1.4 nm at 6.4·10⁶ m).
    static let upperBoundPad = 1e-3
}
