/// A store that cannot be read or written as asked, with what and where.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not a GeoPackage written by this program (or a newer version of it).
    case notAStore(path: String, String)
    /// A row that does not hold what its layer needs.
    case badRow(layer: String, id: String, String)
    /// The input to an import or edit is refused; nothing was written.
    case refused(String)

    public var description: String {
        switch self {
        case .notAStore(let path, let why): return "\(path) is not a DepositIndex store: \(why)"
        case .badRow(let layer, let id, let why): return "store layer \(layer), feature \"\(id)\": \(why)"
        case .refused(let why): return why
        }
    }
}
