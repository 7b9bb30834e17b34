#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)` until every byte is out, for standard output, FIFOs and devices: retried when a signal
/// interrupts it (`EINTR`), continued after a partial write, and waiting (`poll`) when the descriptor was
/// left non-blocking by whoever opened it (`EAGAIN`). Unlike `FileHandle.write`, which traps on error in
/// swift-corelibs-foundation, and `print`, which ignores errors, it reports failure.
package enum DescriptorWriter {
    /// Writes all of `bytes` to `fd`. Returns 0, or the `errno` of the write that failed.
    package static func write(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + done, buffer.count - done)
                if n >= 0 {
                    done += n
                    continue
                }
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    var wait = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&wait, 1, -1)
                default: return errno
                }
            }
            return 0
        }
    }

    /// The system's words for an `errno`.
    package static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
