import Foundation
import Geo

/// Reads a survey in a format GDAL reads (Shapefile, GeoPackage, KML/KMZ, MapInfo, DXF, GML,
/// FlatGeobuf) by running GDAL's own tools, not by linking GDAL: `ogrinfo` describes the file's layers
/// (geometry type, CRS as WKT), then `ogr2ogr` writes each layer as GeoJSON in the file's own CRS
/// (coordinates untouched, FIDs kept as GeoJSON ids) into a private temporary directory, which the
/// GeoJSON reader reads. Each layer becomes one `SurveyDocument` whose features know their layer and
/// FID, so that every problem is located in the delivered file's terms.
///
/// What the conversion cannot carry is said, never lost silently: M values (GeoJSON has no place for
/// them) and Z values (the checks are on the ellipsoid's surface) are reported per layer, and features
/// whose curves GDAL approximated by straight segments are reported by FID (`dropped-in-conversion`).
///
/// GDAL runs in its own process with a time limit: a file that crashes or hangs it is a located
/// `unreadable-file` problem, never a crash or a hang of ours.
enum GDALSurveyReader {
    /// Configuration every GDAL run gets: DXF polylines flagged closed are polygons (as surveyors draw
    /// outlines), and arcs are approximated every 1° rather than GDAL's default 4°.
    static let configuration = ["--config", "DXF_CLOSED_LINE_AS_POLYGON", "TRUE", "--config", "OGR_ARC_STEPSIZE", "1"]
    /// A GDAL run longer than this (seconds) is stopped and reported.
    static let timeoutSeconds = 600.0

    /// What reading one file gave: one document per layer read, and the problems of the file as a whole.
    struct Read {
        var documents: [SurveyDocument] = []
        var problems: [SurveyProblem] = []
    }

    /// Reads `url` (named `name` in reports), every layer or only `layer`.
    /// - Parameter linesAsOutlines: read a DXF's open polylines as the outlines they stand for (a survey);
    ///   false keeps them lines (an imported rail layer).
    static func read(_ url: URL, name: String, format: GDALFormat, layer wanted: String?, limit: Int, linesAsOutlines: Bool = true) -> Read {
        var result = Read()
        func fail(_ code: ProblemCode, _ message: String, layer: String? = nil) -> Read {
            var p = SurveyProblem(code, file: name, message: message)
            p.layer = layer
            result.problems.append(p)
            return result
        }
        guard let ogrinfo = GDALTools.find("ogrinfo"), let ogr2ogr = GDALTools.find("ogr2ogr") else {
            return fail(.gdalUnavailable, "reading \(format.name) needs GDAL's ogrinfo and ogr2ogr, which are not installed; \(GDALTools.installHint)")
        }
        if let missing = missingParts(url, format: format) {
            return fail(.unreadableFile, missing)
        }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("deposits-gdal-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            return fail(.checkFailed, "cannot create a temporary directory for GDAL's output: \(error.localizedDescription)")
        }
        // Our own private directory: nothing in it is worth a report when it cannot be removed.
        defer { try? fm.removeItem(at: work) }
        // An absolute path, so that GDAL never takes a file name starting with "-" for an option.
        let path = url.standardizedFileURL.path
        let info: ToolRun
        do {
            // -nocount and -noextent: KML, GML, DXF and MapInfo would be read whole to count and measure.
            info = try ToolRun.run(ogrinfo, ["-ro", "-so", "-al", "-nomd", "-nocount", "-noextent", "-wkt_format", "WKT2_2019"] + configuration + [path],
                                   workDirectory: work, timeoutSeconds: timeoutSeconds)
        } catch {
            return fail(.checkFailed, error.description)
        }
        if let failure = failure(of: info, tool: "ogrinfo") {
            return fail(.unreadableFile, "GDAL cannot read it as \(format.name): \(failure)")
        }
        let layers = OGRLayerInfo.parse(String(decoding: info.standardOutput, as: UTF8.self))
        if layers.isEmpty {
            return fail(.unreadableFile, "GDAL opened it as \(format.name) but found no layer of features in it\(info.gdalErrors.isEmpty ? "" : " (\(info.gdalErrors))")")
        }
        // GDAL's tools take the layer name as a bare argument after the file: a name beginning with "-" would be
        // read as an option (`-makevalid` repairs the outlines the checks are about), so it is refused, not read.
        if let bad = layers.first(where: { $0.name.hasPrefix("-") && (wanted == nil || $0.name == wanted) }) {
            return fail(.unreadableFile, "the layer '\(ControlCharacters.escaped(bad.name))' begins with '-', which GDAL's tools would read as an option; rename the layer (a Shapefile's or a MapInfo file's layer is its file name) and give the survey again")
        }
        var chosen = layers
        if let wanted {
            chosen = layers.filter { $0.name == wanted }
            if chosen.isEmpty {
                return fail(.unknownLayer, "no layer named '\(ControlCharacters.escaped(wanted))'; its layers are \(layers.map { "'\(ControlCharacters.escaped($0.name))'" }.joined(separator: ", "))")
            }
        }
        for (i, layer) in chosen.enumerated() {
            let out = work.appendingPathComponent("layer-\(i).geojson")
            // The conversion and, for a layer whose type GDAL does not declare, the pass that asks each
            // feature's type, run side by side: two processes, two cores.
            let runs = Parallel.map(layer.typeUndeclared ? 2 : 1, chunk: 1, workers: 2, state: { () }) { _, job -> Result<ToolRun, ToolRun.LaunchFailure> in
                if job == 0 {
                    // 17 significant figures: every coordinate exactly the double GDAL read.
                    return Result { () throws(ToolRun.LaunchFailure) in
                        try ToolRun.run(ogr2ogr, ["-f", "GeoJSON", "-preserve_fid", "-lco", "RFC7946=NO", "-lco", "WRITE_NAME=NO",
                                                  "-lco", "SIGNIFICANT_FIGURES=17"] + configuration + [out.path, path, layer.name],
                                        workDirectory: work, timeoutSeconds: timeoutSeconds)
                    }
                }
                return Result { () throws(ToolRun.LaunchFailure) in
                    try ToolRun.run(ogrinfo, ["-ro", "-q", "-fields=NO", "-geom=SUMMARY"] + configuration + [path, layer.name],
                                    workDirectory: work, timeoutSeconds: timeoutSeconds)
                }
            }
            let run: ToolRun
            switch runs[0] {
            case .success(let r): run = r
            case .failure(let error):
                result.problems.append(layerProblem(.checkFailed, name, layer.name, error.description))
                continue
            }
            if let failure = failure(of: run, tool: "ogr2ogr") {
                result.problems.append(layerProblem(.unreadableFile, name, layer.name, "GDAL cannot convert the layer '\(ControlCharacters.escaped(layer.name))': \(failure)"))
                continue
            }
            // GDAL goes on past what it cannot read (a truncated .shp gives null geometries): said, with its words.
            let errors = run.standardError.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("ERROR") }
            if !errors.isEmpty {
                result.problems.append(layerProblem(.unreadableFile, name, layer.name,
                    "GDAL met errors reading the layer '\(ControlCharacters.escaped(layer.name))' (\(run.gdalErrors)); what it could read is checked"))
            }
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(out)
            } catch {
                result.problems.append(layerProblem(.checkFailed, name, layer.name, "cannot read GDAL's conversion of the layer: \(error.description)"))
                continue
            }
            var document = GeoJSONSurveyReader.read(bytes, file: name, limit: limit)
            document.format = .gdal
            // The CRS is the file's own (the .prj, the TAB header, gpkg_spatial_ref_sys), as GDAL read it;
            // what GDAL wrote into the GeoJSON's crs member is only an EPSG code when it could find one.
            document.statedCRS = layer.crsWKT.flatMap { OGRLayerInfo.isWGS84($0) ? nil : $0 }
            document.statedCRSLabel = layer.crsWKT.map(OGRLayerInfo.crsLabel)
            document.source = SurveyDocument.Source(layer: layer.name, format: format, linesAsOutlines: linesAsOutlines)
            document.problems += losses(layer, file: name)
            if runs.count > 1 {
                document.problems += curvedFeatures(layer, summary: runs[1], file: name)
            }
            if format.extensions.contains("dxf") {
                document.problems += dxfArcs(url, document: document, layer: layer.name, file: name)
            }
            result.documents.append(document)
        }
        return result
    }

    /// A Shapefile is three files at least: GDAL opens a `.shp` without its `.dbf` (every attribute, the
    /// ids among them, silently gone), so the parts are looked for here, in either case as GDAL does.
    static func missingParts(_ url: URL, format: GDALFormat) -> String? {
        guard format.extensions.contains("shp") else { return nil }
        let base = url.deletingPathExtension()
        let parts = [("shx", "its index"), ("dbf", "its attributes: ids, names")]
        // A part that is there must be a regular file: GDAL would wait on a FIFO for ever, or read a device.
        for (ext, _) in parts {
            for candidate in [ext, ext.uppercased()] {
                let path = base.appendingPathExtension(candidate).path
                guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else { continue }
                if type != .typeRegular {
                    return "the Shapefile's .\(candidate) (\(base.lastPathComponent).\(candidate)) is not a regular file (a FIFO, a device or a directory); a Shapefile's parts are files"
                }
            }
        }
        let missing = parts.filter { ext, _ in
            ![ext, ext.uppercased()].contains { FileManager.default.fileExists(atPath: base.appendingPathExtension($0).path) }
        }
        guard !missing.isEmpty else { return nil }
        return "the Shapefile's " + missing.map { ".\($0.0) (\($0.1))" }.joined(separator: " and ")
            + " \(missing.count == 1 ? "is" : "are") missing beside it (\(base.lastPathComponent).\(missing[0].0)); a Shapefile is delivered with its .shp, .shx, .dbf and .prj together"
    }

    /// Why a run failed, in GDAL's words; nil when it succeeded.
    private static func failure(of run: ToolRun, tool: String) -> String? {
        switch run.outcome {
        case .exited(0): return nil
        case .exited(let status): return run.gdalErrors.isEmpty ? "\(tool) exited with status \(status)" : run.gdalErrors
        case .signalled(let signal): return "GDAL's \(tool) crashed on it (signal \(signal))\(run.gdalErrors.isEmpty ? "" : ": \(run.gdalErrors)")"
        case .timedOut(let seconds): return "GDAL's \(tool) was stopped after \(Int(seconds)) s"
        }
    }

    private static func layerProblem(_ code: ProblemCode, _ file: String, _ layer: String, _ message: String, fid: Int? = nil) -> SurveyProblem {
        var p = SurveyProblem(code, file: file, message: message)
        p.layer = layer
        p.fid = fid
        return p
    }

    /// What the layer's declared type says the conversion leaves out: M values, Z values.
    static func losses(_ layer: OGRLayerInfo, file: String) -> [SurveyProblem] {
        var out = [SurveyProblem]()
        if layer.isMeasured {
            out.append(layerProblem(.droppedInConversion, file, layer.name,
                "the layer '\(ControlCharacters.escaped(layer.name))' (\(layer.geometryType)) holds M values (measures); they are dropped: GeoJSON and the checks have no place for them"))
        }
        if layer.hasZ {
            out.append(layerProblem(.droppedInConversion, file, layer.name,
                "the layer '\(ControlCharacters.escaped(layer.name))' (\(layer.geometryType)) holds Z values (heights); the checks are on the ellipsoid's surface and leave them out"))
        }
        return out
    }

    /// The features of a layer whose type GDAL does not declare (DXF, MapInfo, GML) that hold curves,
    /// Z or M values, by FID, from `ogrinfo -geom=SUMMARY` (one line per feature: `CURVEPOLYGON : ...`).
    private static func curvedFeatures(_ layer: OGRLayerInfo, summary: Result<ToolRun, ToolRun.LaunchFailure>, file: String) -> [SurveyProblem] {
        let run: ToolRun
        switch summary {
        case .success(let r): run = r
        case .failure(let error):
            return [layerProblem(.checkFailed, file, layer.name, "whether features hold curves could not be found: \(error.description)")]
        }
        if let failure = failure(of: run, tool: "ogrinfo") {
            return [layerProblem(.checkFailed, file, layer.name, "whether features hold curves could not be found: \(failure)")]
        }
        var out = [SurveyProblem]()
        var fid: Int?
        var curveReported = Set<Int>()
        var zLayerReported = layer.hasZ, mLayerReported = layer.isMeasured
        let curveWords = ["CIRCULARSTRING", "COMPOUNDCURVE", "CURVEPOLYGON", "MULTICURVE", "MULTISURFACE"]
        for line in String(decoding: run.standardOutput, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("OGRFeature("), let colon = line.lastIndex(of: ":") {
                fid = Int(line[line.index(after: colon)...])
                continue
            }
            guard line.hasPrefix("  "), let fid else { continue }
            let words = line.split(separator: " ").map(String.init)
            guard let type = words.first, type == type.uppercased(), type.allSatisfy({ $0.isLetter }) else { continue }
            if let curve = curveWords.first(where: { words.contains($0) }), curveReported.insert(fid).inserted {
                out.append(layerProblem(.droppedInConversion, file, layer.name,
                    "FID \(fid) holds a \(curve) in the file; GDAL approximated any arcs in it by straight segments (every 1°) and the checks judge those", fid: fid))
            }
            let dims = words.count > 1 ? words[1] : ""
            if dims.contains("M"), !mLayerReported {
                mLayerReported = true
                out.append(layerProblem(.droppedInConversion, file, layer.name,
                    "features of the layer '\(ControlCharacters.escaped(layer.name))' hold M values (measures), first FID \(fid); they are dropped: GeoJSON and the checks have no place for them", fid: fid))
            }
            if dims.contains("Z"), !zLayerReported {
                zLayerReported = true
                out.append(layerProblem(.droppedInConversion, file, layer.name,
                    "features of the layer '\(ControlCharacters.escaped(layer.name))' hold Z values (heights), first FID \(fid); the checks are on the ellipsoid's surface and leave them out", fid: fid))
            }
        }
        return out
    }

    /// GDAL's text form of a string list, `(3:a,b,c)`, as its items; nil for any other text.
    static func stringList(_ text: String) -> [String]? {
        guard text.hasPrefix("("), text.hasSuffix(")"), let colon = text.firstIndex(of: ":"),
              let count = Int(text[text.index(after: text.startIndex)..<colon]) else { return nil }
        let body = text[text.index(after: colon)..<text.index(before: text.endIndex)]
        let items = count == 0 ? [] : body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return items.count == count ? items : nil
    }

    /// The features of a DXF whose arcs GDAL's reader turned into straight segments without saying so
    /// (see `DXFArcs`), by FID.
    private static func dxfArcs(_ url: URL, document: SurveyDocument, layer: String, file: String) -> [SurveyProblem] {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(url)
        } catch {
            return [layerProblem(.checkFailed, file, layer, "whether the DXF holds arcs could not be found: \(error.description)")]
        }
        let arcs = DXFArcs.scan(bytes)
        guard !arcs.isEmpty else { return [] }
        var out = [SurveyProblem]()
        for i in 0..<document.count {
            let f = document.feature(i)
            guard let handle = f.properties?["EntityHandle"]?.stringValue, let kind = arcs[handle] else { continue }
            let what = kind == "bulge" ? "a polyline with arcs (bulges)" : "an \(kind)"
            var p = layerProblem(.droppedInConversion, file, layer,
                "FID \(f.fid.map(String.init) ?? "?") (DXF entity \(handle)) is \(what); GDAL's DXF reader approximated the arcs by straight segments and the checks judge those", fid: f.fid)
            p.feature = f.label
            out.append(p)
        }
        return out
    }

    /// A feature as GDAL wrote it, named in the delivered file's terms: its FID (GDAL's, which the GeoJSON
    /// id carries), its layer, and for reports its `id` attribute, else its `name`, else `FID n`. Only an
    /// `id` attribute is a deposit id. In a DXF, an open polyline is the outline it was meant to be, so its
    /// vertices are read as a ring, which the ring checks then find open.
    static func relabel(_ feature: SurveyFeature, source: SurveyDocument.Source) -> SurveyFeature {
        var f = feature
        f.layer = source.layer
        f.line = nil
        var props = feature.properties ?? JSONObject()
        // A list attribute as GDAL writes one where the format has no lists (a GeoPackage's "(2:W,Mo)")
        // is the list it was.
        for (key, value) in props.members {
            if let text = value.stringValue, let list = stringList(text) { props[key] = .array(list.map(JSONValue.string)) }
        }
        // A Shapefile's field names have at most 10 characters, so ogr2ogr wrote location_precision_m as
        // location_p: a 10-character name that begins exactly one catalog property, absent, is that property.
        if source.format.extensions.contains("shp") {
            for key in props.keys where key.count == 10 {
                let whole = SchemaChecks.properties.filter { $0.count > 10 && $0.hasPrefix(key) && props[$0] == nil }
                if whole.count == 1, let value = props[key] {
                    props = JSONObject(props.members.map { $0.key == key ? (key: whole[0], value: value) : $0 })
                }
            }
        }
        // A KML Placemark's <name> is GDAL's Name field: the catalog's name.
        if source.format.extensions.contains(where: { $0 == "kml" || $0 == "kmz" }), props["name"] == nil, props["Name"] != nil {
            props = JSONObject(props.members.map { $0.key == "Name" ? (key: "name", value: $0.value) : $0 })
        }
        if f.properties != nil { f.properties = props }
        if let raw = feature.id, let fid = Int(raw) { f.fid = fid }
        func attribute(_ names: [String]) -> String? {
            for key in props.keys where names.contains(key.lowercased()) {
                if let text = GeoJSONSurveyReader.idText(props[key]), !text.isEmpty { return text }
            }
            return nil
        }
        f.id = attribute(["id"])
        f.label = f.id ?? attribute(["name"]) ?? f.fid.map { "FID \($0)" } ?? "features[\(feature.index)]"
        // Problems the GeoJSON reader found name the feature by its GeoJSON id (the FID); say it our way.
        let position = "features[\(feature.index)]"
        f.problems = f.problems.filter { $0.code != .conflictingID }.map { p in
            var p = p
            p.feature = f.label
            if let fid = f.fid { p.message = p.message.replacingOccurrences(of: position, with: "FID \(fid)") }
            p.line = nil
            p.column = nil
            return p
        }
        if source.linesAsOutlines, source.format.extensions.contains("dxf") {
            switch f.geometry {
            case .lineString(let cs)? where cs.count >= 3: f.geometry = .polygon([cs])
            case .multiLineString(let lines)? where lines.allSatisfy({ $0.count >= 3 }): f.geometry = .multiPolygon(lines.map { [$0] })
            default: break
            }
        }
        return f
    }
}
