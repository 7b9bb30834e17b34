print("fuzz-survey: not yet written")
