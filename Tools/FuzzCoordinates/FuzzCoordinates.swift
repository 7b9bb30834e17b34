import DepositIndex
import Foundation

#if FUZZING
/// libFuzzer's entry point (built with `-sanitize=fuzzer -DFUZZING`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCoordinatesOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    CoordinateFuzzHarness.run(bytes)
    return 0
}

/// libFuzzer's driver, which its own `main` would call.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM renames an executable's entry point and links `main` to it, so libFuzzer's own `main` is
/// never used; this entry point hands the command line to libFuzzer's driver instead.
@main
struct FuzzCoordinatesMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzCoordinatesOneInput))
    }
}
#else
/// Without `FUZZING`: replays files or directories through the same harness (to reproduce a finding
/// libFuzzer wrote, or to smoke-test the seeds).
///
///     fuzz-coordinates Tools/FuzzCoordinates/Seeds .build-fuzz/artifacts/crash-1234
@main
struct FuzzCoordinatesReplay {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty else {
            print("usage: fuzz-coordinates FILE_OR_DIRECTORY...   (replay through the fuzz harness)")
            return
        }
        var count = 0
        for path in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                print("no such file: \(path)")
                continue
            }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { "\(path)/\($0)" }
                : [path]
            for file in files {
                CoordinateFuzzHarness.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
                count += 1
            }
        }
        print("replayed \(count) input\(count == 1 ? "" : "s") without a finding")
    }
}
#endif
