import DepositIndex
print("deposits \(depositIndexVersion)")
