/// A reason the build cannot go on, said so that the input to fix is obvious.
struct BuildError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
