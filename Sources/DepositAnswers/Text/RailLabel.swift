import DepositIndex

extension Catalog {
    /// Rail line names as tables print them: the line's Latin name (`name_latin`) where it has one, so a
    /// reader of Latin script can use it ("Zharyk – Aqadyr temirzhol vokzaly" for "Сәкен Сейфуллин – Ақадыр
    /// теміржол вокзалы"); JSON and GeoJSON keep `rail_name` as the data has it. Keyed by rail id, built once
    /// per answer.
    public func railLabels() -> [String: String] {
        var labels = [String: String]()
        for line in rail { if let latin = line.nameLatin, latin != line.name { labels[line.id] = latin } }
        return labels
    }
}
