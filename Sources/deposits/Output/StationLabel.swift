import DepositIndex

extension Catalog {
    /// A station's name as a reader of the table knows it: its own name, and in parentheses its first
    /// alias when the name is in another script ("Сәкен Сейфуллин (Zharyk)").
    func stationLabel(id: String, name: String) -> String {
        guard let station = stations.first(where: { $0.id == id }),
              let alias = station.properties["aliases"]?.arrayValue?.first?.stringValue,
              !name.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return name }
        return "\(name) (\(alias))"
    }
}
