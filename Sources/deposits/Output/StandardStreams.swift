import DepositAnswers
import DepositIndex
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every byte the tool writes to standard output or standard error goes through here, by `write(2)`
/// (`DescriptorWriter`): `FileHandle.write` traps on an error in swift-corelibs-foundation and `print`
/// drops errors, so neither may be used.
///
/// - A failed write to standard output throws `OutputFailure` (exit 74 with one line on stderr), or
///   `readerClosed` when the reader of a pipe has gone (a quiet exit 0, as for `| head -1`).
/// - Standard error carries messages, not answers: a failed write there is ignored, and the exit code
///   still tells what happened.
enum StandardStreams {
    /// Call first thing: SIGPIPE is ignored, so a closed pipe is an `EPIPE` from `write` rather than
    /// death by signal; and descriptors 0, 1 and 2 found closed (`>&-`) are held on /dev/null, opened
    /// read-only, so a file the tool opens later cannot take their number (and receive what was meant for
    /// the terminal), while a write to them still fails (EBADF) and is reported.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            let held = open("/dev/null", O_RDONLY)
            if held >= 0, held != fd {
                dup2(held, fd)
                close(held)
            }
        }
    }

    /// Writes `text` to standard output.
    static func output(_ text: String) throws {
        try OutputFile.writeStream(Array(text.utf8), to: 1, name: "standard output")
    }

    /// Writes `text` to standard error; a failure there has nowhere to be reported and is ignored.
    static func error(_ text: String) {
        _ = DescriptorWriter.write(Array(text.utf8), to: 2)
    }

    /// Whether standard error is a terminal (for progress lines).
    static var errorIsTerminal: Bool { isatty(2) == 1 }
}
