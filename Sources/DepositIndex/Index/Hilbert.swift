/// Position along a Hilbert curve over a 2¹⁶ × 2¹⁶ grid: boxes close on the curve are close on the map,
/// so leaves packed in this order make tight nodes.
enum Hilbert {
    static func index(x: UInt32, y: UInt32) -> UInt64 {
        var x = x, y = y
        var d: UInt64 = 0
        var s: UInt32 = 1 << 15
        while s > 0 {
            let rx: UInt32 = (x & s) > 0 ? 1 : 0
            let ry: UInt32 = (y & s) > 0 ? 1 : 0
            d += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
            // Rotate the quadrant so the curve stays continuous.
            if ry == 0 {
                if rx == 1 {
                    x = s &* 2 &- 1 &- x
                    y = s &* 2 &- 1 &- y
                }
                swap(&x, &y)
            }
            s >>= 1
        }
        return d
    }
}
