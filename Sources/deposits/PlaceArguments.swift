import ArgumentParser
import DepositAnswers
import DepositIndex
import Foundation

/// Lets coordinates be typed as they are written whatever their sign: `deposits at -33.87,151.21`,
/// `deposits near-rail -40.0,147.0 -k 3`, `deposits region -33.87 151.21`.
///
/// swift-argument-parser takes every argument that begins with `-` for an option, so without this a
/// southern latitude or western longitude written first is refused as an unknown option. Before
/// parsing, in the subcommands that take a place (`at`, `near-rail`, `region`, `route`), and only up to an
/// explicit `--`:
/// - an argument that begins with `-` and a digit or `.` is a number, never an option name (no option
///   of ours is spelled so), so unless it is an option's value it is the place: the place arguments
///   are moved, in their order, after a `--`, which the parser reads as positional;
/// - two place arguments that are both coordinate-like (digits, signs, marks, N S E W) are joined into
///   one, so `48.683 73.283` unquoted is read as the pair it is (not in `route`, whose two places may
///   each be a pair);
/// - an option's value that begins with `-` and a digit is attached to it (`--max-km=-5`), so the
///   option's own check refuses it with its own message instead of "missing value".
/// Which options take a value is read from the parser's own description of the subcommand, so a new
/// option cannot be missed. Anywhere else a value that begins with `-` still needs `--` before it, and
/// the error says so (`hint(for:)`).
enum PlaceArguments {
    /// The subcommands whose positional argument may be coordinates.
    static let commands: [any ParsableCommand.Type] = [At.self, NearRail.self, RegionCommand.self, RouteCommand.self]

    /// Those of them that take two places (`route FROM TO`): their place arguments are never joined,
    /// since each may be a pair of coordinates of its own.
    static let twoPlaceCommands = [RouteCommand._commandName]

    /// The arguments (without the program's name) rewritten as described above; unchanged when
    /// nothing in them needs it.
    static func prepared(_ arguments: [String]) -> [String] {
        guard let name = arguments.first, let command = commands.first(where: { $0._commandName == name }) else {
            return arguments
        }
        let rest = Array(arguments.dropFirst())
        let end = rest.firstIndex(of: "--") ?? rest.count
        // The common case (no signed number before `--`, at most one place argument) needs no description of the command.
        let candidates = rest[..<end].filter { !$0.hasPrefix("-") }.count + rest[(min(end + 1, rest.count))...].count
        guard rest[..<end].contains(where: isSignedNumber) || candidates >= 2 else { return arguments }

        let names = OptionNames(command)
        var options = [String](), places = [String]()
        var rewritten = false
        var i = 0
        while i < end {
            let token = rest[i]
            if isSignedNumber(token) {
                places.append(token)
                rewritten = true
            } else if token.hasPrefix("-"), token.count > 1 {
                if names.takingValue.contains(token), i + 1 < end {
                    let value = rest[i + 1]
                    if isSignedNumber(value) {
                        options.append(token + "=" + value)
                        rewritten = true
                    } else {
                        options += [token, value]
                    }
                    i += 1
                } else {
                    options.append(token)
                }
            } else {
                places.append(token)
            }
            i += 1
        }
        if end < rest.count { places += rest[(end + 1)...] }
        if places.count == 2, !twoPlaceCommands.contains(name), places.allSatisfy(isCoordinatePart) {
            places = [places.joined(separator: " ")]
            rewritten = true
        }
        guard rewritten else { return arguments }
        return [name] + options + ["--"] + places
    }

    /// For a refused command line: when an argument before any `--` begins with a single `-` but is
    /// no option of the subcommand (a name such as `-Kairakty`, or a negative number where no
    /// coordinates are read), the sentence that says to put `--` before it, or, when it follows an
    /// option that takes a value (`--width-km -5`), to attach it with `=`. Nil otherwise.
    static func hint(for arguments: [String]) -> String? {
        guard let name = arguments.first,
              let command = Deposits.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
        let names = OptionNames(command)
        let rest = arguments.dropFirst()
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        guard let at = rest[..<end].firstIndex(where: { token in
            token.hasPrefix("-") && !token.hasPrefix("--") && token.count > 1
                && !names.all.contains(String(token.prefix { $0 != "=" }))
        }) else { return nil }
        let shown = TerminalText.escaped(rest[at])
        // The value of an option (`--width-km -5`): `--` would make it the positional argument instead.
        if at > rest.startIndex, names.takingValue.contains(rest[at - 1]) {
            let option = TerminalText.escaped(rest[at - 1])
            return "If '\(shown)' is the value of \(option), attach it with =: deposits \(name) \(option)='\(shown)'"
        }
        guard names.hasPositional else { return nil }
        return "If '\(shown)' is a value and not an option, put -- before it: deposits \(name) -- '\(shown)'"
    }

    /// `-` then a digit or a decimal point: a negative number or southern/western coordinates.
    static func isSignedNumber(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[0] == "-" else { return false }
        return ("0"..."9").contains(scalars[1]) || scalars[1] == "."
    }

    /// Digits with nothing but signs, separators, degree marks and hemisphere letters: one half of a
    /// pair typed as two arguments.
    static func isCoordinatePart(_ token: String) -> Bool {
        token.contains(where: \.isNumber)
            && !token.contains { $0.isLetter && !"NSEWnsew".contains($0) }
    }

    /// The option spellings of one subcommand, read from the parser's JSON description of it.
    private struct OptionNames {
        /// Options that take a value: `--max-km`, `-k`, `--k`, `-o`, `--output`...
        var takingValue: Set<String> = []
        /// Every option and flag spelling, `-h` and `--help` included.
        var all: Set<String> = []
        var hasPositional = false

        init(_ command: any ParsableCommand.Type) {
            guard let description = try? JSONDecoder().decode(Description.self, from: Data(command._dumpHelp().utf8)) else {
                return  // the parser's description not readable: no option known, nothing rewritten
            }
            for argument in description.command.arguments ?? [] {
                if argument.kind == "positional" { hasPositional = true }
                let spellings = (argument.names ?? []).map { name in
                    name.kind == "long" ? "--" + name.name : "-" + name.name
                }
                all.formUnion(spellings)
                if argument.kind == "option" { takingValue.formUnion(spellings) }
            }
        }

        /// What we read of swift-argument-parser's `ToolInfoV0` (its `--experimental-dump-help`).
        private struct Description: Decodable {
            struct Command: Decodable { var arguments: [Argument]? }
            struct Argument: Decodable {
                var kind: String
                var names: [Name]?
            }
            struct Name: Decodable {
                var kind: String
                var name: String
            }
            var command: Command
        }
    }
}
