import DepositIndex
import Foundation

#if FUZZING
/// libFuzzer's entry point (built with `-sanitize=fuzzer -DFUZZING`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSurveyOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
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
struct FuzzSurveyMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzSurveyOneInput))
    }
}
#else
/// Without `FUZZING`: replays files or directories through the same harness (to reproduce a crash
/// libFuzzer found, or to smoke-test the seed corpus), or runs the validation benchmark.
///
///     fuzz-survey Tests/SurveyTests/Corpus crash-1234
///     fuzz-survey --bench [polygons] [seed]
@main
struct FuzzSurveyReplay {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--bench" {
            arguments.removeFirst()
            let polygons = arguments.first.flatMap(Int.init) ?? 100_000
            let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 20_251_127
            try ValidationBenchmark(polygons: polygons, seed: seed).run()
            return
        }
        guard !arguments.isEmpty else {
            print("usage: fuzz-survey FILE_OR_DIRECTORY...   (replay through the fuzz harness)\n       fuzz-survey --bench [polygons] [seed]")
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
                FuzzHarness.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
                count += 1
            }
        }
        print("replayed \(count) input\(count == 1 ? "" : "s") without a crash")
    }
}
#endif
