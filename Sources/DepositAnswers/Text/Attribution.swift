/// The credit lines the bundled data's licences ask for, printed under table answers that used
/// those layers. A user's own `--data` directory carries its own terms, which we cannot know.
public enum Attribution {
    public enum Layer { case deposits, rail, stations, corridors, regions }

    public static func footer(for layers: Set<Layer>, bundled: Bool) -> String {
        guard bundled else { return "" }
        var credits = [String]()
        if layers.contains(.regions) { credits.append("regions: geokz (A. Rodionov) CC BY 4.0, from OCHA/UNHCR COD-AB") }
        if layers.contains(.stations) || layers.contains(.corridors) { credits.append("stations: © OpenStreetMap contributors, ODbL 1.0") }
        if layers.contains(.rail) { credits.append("rail: Natural Earth (public domain) and © OpenStreetMap contributors station chains") }
        if layers.contains(.deposits) { credits.append("deposits: GeoNames CC BY 4.0, Wikipedia CC BY-SA and the sources in GeoData/README.md") }
        guard !credits.isEmpty else { return "" }
        return "\nData: " + credits.joined(separator: "; ") + ".\n"
    }
}
