import Foundation

/// One exit code per class of failure, so scripts can tell a typo from broken data.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// Something unexpected inside the tool.
    case failure = 1
    /// No deposit, corridor or region by that name.
    case notFound = 2
    /// `deposits validate` found errors in the survey (warnings alone exit 0).
    case surveyErrors = 3
    /// Bad arguments: unknown options, malformed coordinates, impossible values.
    case usage = 64
    /// A data file is missing, unreadable or malformed.
    case badData = 65
    /// An output file could not be written or created (nothing was replaced).
    case cannotWrite = 73
    /// Reading or writing failed part-way: standard output, a FIFO or a device (`/dev/full`, a closed
    /// stdout), or the disk under the store (full, an I/O error).
    case ioError = 74
    /// `deposits serve`: the server program (`deposits-serve`) is not built beside `deposits`, or the
    /// address cannot be bound (in use, or not this machine's).
    case unavailable = 69

    /// The table of codes `deposits --help` prints.
    public static var documentation: String {
        """

          0 success
          2 not found: no deposit, corridor or region by that name (or id)
          3 survey errors: deposits validate found errors in the survey
          64 usage: bad arguments or coordinates
          65 bad data: a data file is missing, unreadable or malformed (or in a format read through GDAL, which is not installed)
          73 cannot write: the output file or the store could not be written or created (nothing was replaced)
          74 I/O error: writing to standard output, a FIFO or a device failed, or the disk did (full, I/O error)
          69 unavailable: deposits serve cannot start (deposits-serve not built beside deposits, or the address cannot be bound)
          1 anything else
        """
    }
}
