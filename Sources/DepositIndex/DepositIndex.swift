import Geo

/// The version of the DepositIndex library and of the `deposits` tool.
public let depositIndexVersion = "0.1.0"
