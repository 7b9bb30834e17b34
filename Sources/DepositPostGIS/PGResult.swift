import CLibPQ
import Foundation

/// One query's rows, owned (and cleared once). Values are read in the format asked for: binary results
/// give integers and floats as big-endian bytes and `bytea` (WKB) as its raw bytes, which spares parsing
/// text per row.
final class PGResult {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { PQclear(handle) }

    var rows: Int { Int(PQntuples(handle)) }
    var columns: Int { Int(PQnfields(handle)) }

    /// The type OID of a column (20 int8, 701 float8, 16 bool, 25 text, 114 json, 17 bytea, ...).
    func type(_ column: Int) -> UInt32 { PQftype(handle, Int32(column)) }

    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(handle, Int32(row), Int32(column)) != 0 }

    /// The value's bytes (text without its NUL in text format).
    func bytes(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(handle, Int32(row), Int32(column))!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    func text(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(decoding: bytes(row, column), as: UTF8.self)
    }

    /// A big-endian integer of 2, 4 or 8 bytes (binary format).
    func integer(_ row: Int, _ column: Int) -> Int64 {
        var v: Int64 = 0
        let b = bytes(row, column)
        for byte in b { v = v << 8 | Int64(byte) }
        switch b.count {
        case 2: return Int64(Int16(truncatingIfNeeded: v))
        case 4: return Int64(Int32(truncatingIfNeeded: v))
        default: return v
        }
    }

    /// A big-endian IEEE double (8 bytes) or float (4 bytes), binary format.
    func double(_ row: Int, _ column: Int) -> Double {
        let b = bytes(row, column)
        var bits: UInt64 = 0
        for byte in b { bits = bits << 8 | UInt64(byte) }
        return b.count == 4 ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) : Double(bitPattern: bits)
    }
}
