import CSQLite
import Geo

/// The SQL functions the spec's R-tree triggers call (`ST_IsEmpty`, `ST_MinX`, `ST_MaxX`, `ST_MinY`,
/// `ST_MaxY`), which SQLite does not have. Every connection that may write a feature table registers
/// them, as GDAL does; without them an insert fails with "no such function: ST_IsEmpty".
enum GeoPackageFunctions {
    static func register(on connection: SQLiteConnection) throws {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        let functions: [(String, @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void)] = [
            ("ST_IsEmpty", { ctx, _, args in GeoPackageFunctions.isEmpty(ctx, args) }),
            ("ST_MinX", { ctx, _, args in GeoPackageFunctions.bound(ctx, args) { $0.minX } }),
            ("ST_MaxX", { ctx, _, args in GeoPackageFunctions.bound(ctx, args) { $0.maxX } }),
            ("ST_MinY", { ctx, _, args in GeoPackageFunctions.bound(ctx, args) { $0.minY } }),
            ("ST_MaxY", { ctx, _, args in GeoPackageFunctions.bound(ctx, args) { $0.maxY } }),
        ]
        for (name, body) in functions {
            let rc = sqlite3_create_function_v2(connection.handle, name, 1, flags, nil, body, nil, nil, nil)
            if rc != SQLITE_OK { throw connection.error(rc, "register SQL function \(name)") }
        }
    }

    private static func blob(_ args: UnsafeMutablePointer<OpaquePointer?>?) -> [UInt8]? {
        guard let value = args?[0], sqlite3_value_type(value) == SQLITE_BLOB, let p = sqlite3_value_blob(value) else { return nil }
        return Array(UnsafeRawBufferPointer(start: p, count: Int(sqlite3_value_bytes(value))))
    }

    private static func isEmpty(_ ctx: OpaquePointer?, _ args: UnsafeMutablePointer<OpaquePointer?>?) {
        guard let bytes = blob(args) else { sqlite3_result_null(ctx); return }
        do {
            sqlite3_result_int(ctx, try GeoPackageBinary.envelope(bytes) == nil ? 1 : 0)
        } catch {
            sqlite3_result_error(ctx, "\(error)", -1)
        }
    }

    private static func bound(_ ctx: OpaquePointer?, _ args: UnsafeMutablePointer<OpaquePointer?>?, _ pick: (Envelope) -> Double) {
        guard let bytes = blob(args) else { sqlite3_result_null(ctx); return }
        do {
            guard let e = try GeoPackageBinary.envelope(bytes) else { sqlite3_result_null(ctx); return }
            sqlite3_result_double(ctx, pick(e))
        } catch {
            sqlite3_result_error(ctx, "\(error)", -1)
        }
    }
}
