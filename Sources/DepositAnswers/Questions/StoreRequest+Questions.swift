import DepositIndex

extension StoreRequest {
    /// Every feature: lists and exports.
    public static var all: StoreRequest {
        var r = StoreRequest()
        r.everything = true
        return r
    }

    /// A request about what the user typed: a deposit's name, or coordinates.
    public static func about(_ text: String) throws -> StoreRequest {
        var r = StoreRequest()
        if CoordinateText.looksLikeCoordinates(text) { r.points = [try CoordinateText.parse(text)] } else { r.deposits = [text] }
        return r
    }
}
