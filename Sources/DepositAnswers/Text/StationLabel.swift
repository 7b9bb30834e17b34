import DepositIndex

extension Catalog {
    /// A station's name as a reader of the table knows it: its own name, and in parentheses its Latin name
    /// (`name_latin`, else its first alias) when the name is in another script ("Сәкен Сейфуллин (Zharyk)",
    /// "Шалдуар (Shalduar)").
    public func stationLabel(id: String, name: String) -> String {
        guard !name.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }),
              let station = stations.first(where: { $0.id == id }),
              let latin = station.properties["name_latin"]?.stringValue ?? station.properties["aliases"]?.arrayValue?.first?.stringValue,
              latin != name else { return name }
        return "\(name) (\(latin))"
    }
}
