/// A file's problems, at most `limit` of each code listed and the rest summed up in one line per code.
struct ListedProblems {
    let file: String
    let limit: Int
    private var listed: [SurveyProblem] = []
    private var counts: [ProblemCode: Int] = [:]
    private var unlisted: [ProblemCode: Int] = [:]

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    mutating func add(_ problems: [SurveyProblem]) {
        for p in problems {
            let n = counts[p.code, default: 0]
            if n < limit {
                counts[p.code] = n + 1
                listed.append(p)
            } else {
                unlisted[p.code, default: 0] += p.weight
            }
        }
    }

    var finished: [SurveyProblem] {
        var out = listed
        for (code, n) in unlisted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out.append(SurveyProblem(code, file: file, message: "\(CoordinateFormat.grouped(n)) more \(code.rawValue) problems in this file not listed (the first \(limit) are)",
                                     unlistedCount: n))
        }
        return out
    }
}
