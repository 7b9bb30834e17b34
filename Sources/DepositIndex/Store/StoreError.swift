import Foundation

/// A store that cannot be read or written as asked, with what and where.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is not a GeoPackage written by this program (or a newer version of it), or is damaged.
    case notAStore(path: String, String)
    /// A row that does not hold what its layer needs.
    case badRow(layer: String, id: String, String)
    /// The input to an import or edit is refused; nothing was written.
    case refused(String)
    /// The question needs a layer the store was never given (`deposits import` writes only the layers
    /// it is given); `neededFor` says what needs it.
    case missingLayer(path: String, layer: StoreLayer, neededFor: String)
    /// No deposit with these ids in the store; nothing was changed.
    case unknownIDs(path: String, [String])
    /// The store cannot be read (no permission).
    case cannotRead(path: String, String)
    /// The store cannot be written or created: a read-only file or directory, a directory in its place.
    case cannotWrite(path: String, String)
    /// Another process held the store's lock for longer than a writer waits.
    case busy(path: String, waitedSeconds: Int)
    /// The disk failed or filled up under SQLite.
    case ioFailure(path: String, String)

    public var description: String {
        switch self {
        case .notAStore(let path, let why): return "\(path) is not a DepositIndex store: \(why)"
        case .badRow(let layer, let id, let why): return "store layer \(layer), feature \"\(id)\": \(why)"
        case .refused(let why): return why
        case .missingLayer(let path, let layer, let neededFor):
            return "the store \(path) has no \(layer.table) layer, needed for \(neededFor) (import \(layer.fileName) into it first)"
        case .unknownIDs(let path, let ids):
            return "no deposit with id \(ids.map { "\"\($0)\"" }.joined(separator: ", ")) in the store \(path); nothing was changed"
        case .cannotRead(let path, let why): return "cannot read the store \(path): \(why)"
        case .cannotWrite(let path, let why): return "cannot write to the store \(path): \(why)"
        case .busy(let path, let seconds):
            return "the store \(path) is busy: another process held its lock for more than \(seconds) s; nothing was written, try again when it has finished"
        case .ioFailure(let path, let why): return "input/output error on the store \(path): \(why)"
        }
    }
}

extension StoreError {
    /// The SQLite failures a user can act on, as plain sentences; nil for the rest (our own faults).
    /// The one place where SQLite's result codes are read.
    public init?(_ e: SQLiteError) {
        let path = e.path
        switch e.code {
        case let code where [3, 8, 14].contains(code) && e.readOnly:  // a reader that cannot open the file or the -wal and -shm beside it
            self = .cannotRead(path: path, Self.whyUnreadable(path))
        case 3, 8:  // SQLITE_PERM, SQLITE_READONLY
            self = .cannotWrite(path: path, Self.whyReadOnly(path))
        case 14:  // SQLITE_CANTOPEN: the file, or the journal beside it, cannot be opened or created
            self = .cannotWrite(path: path, Self.whyCannotOpen(path))
        case 5, 6:  // SQLITE_BUSY, SQLITE_LOCKED
            self = .busy(path: path, waitedSeconds: SQLiteConnection.busyTimeoutMs / 1000)
        case 13:  // SQLITE_FULL
            self = .ioFailure(path: path, "the disk is full; nothing of this import or edit was written")
        case 10:  // SQLITE_IOERR
            self = .ioFailure(path: path, e.message)
        case 11:  // SQLITE_CORRUPT
            self = .notAStore(path: path, "the file is damaged (\(e.message))")
        case 26:  // SQLITE_NOTADB
            self = .notAStore(path: path, "not an SQLite database (a GeoPackage is one)")
        default:
            return nil
        }
    }

    private static func directory(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Why a store that exists cannot be written: the file itself, or the directory where SQLite must
    /// create the file's `-wal` and `-shm` companions.
    private static func whyReadOnly(_ path: String) -> String {
        if access(path, R_OK) != 0 { return "permission denied (this user may not read it either)" }
        if access(path, W_OK) != 0 { return "the file is read-only" }
        let parent = directory(of: path)
        if access(parent, W_OK) != 0 {
            let name = (path as NSString).lastPathComponent
            return "its directory \(parent) is read-only, and SQLite must create \(name)-wal and \(name)-shm there"
        }
        return "SQLite opened it read-only"
    }

    private static func whyCannotOpen(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? "it is a directory; give a file name" : whyReadOnly(path)
        }
        let parent = directory(of: path)
        if !FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return "no such directory \(parent)"
        }
        return "cannot create the file: the directory \(parent) is read-only"
    }

    private static func whyUnreadable(_ path: String) -> String {
        if access(path, R_OK) != 0 { return "permission denied" }
        let name = (path as NSString).lastPathComponent
        return "SQLite cannot open \(name)-wal and \(name)-shm beside it (a writer may be at work and the directory \(directory(of: path)) is read-only to us)"
    }
}
