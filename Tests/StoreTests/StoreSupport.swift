import DepositIndex
import Foundation
import XCTest

/// A fresh temporary directory per test, removed afterwards.
func temporaryDirectory(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("store-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The bundled GeoData directory, or a skip.
func bundledData() throws -> URL {
    guard let url = Catalog.bundledDirectory else { throw XCTSkip("no bundled GeoData found") }
    return url
}

/// Runs a program, returning its exit status, stdout and stderr.
func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// The path of a program on $PATH, or nil.
func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// A new store `catalog.gpkg` in `dir` holding the bundled data (`deposits import`'s path), still open
/// as it was created, and its path.
func bundledStore(in dir: URL) throws -> (path: String, store: CatalogStore) {
    let path = dir.appendingPathComponent("catalog.gpkg").path
    let store = try CatalogStore(path: path, access: .create)
    try store.importData(from: [try bundledData()])
    return (path, store)
}
