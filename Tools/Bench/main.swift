print("deposits-bench: not yet written")
