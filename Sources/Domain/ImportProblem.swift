/// What is wrong with one value of an imported file: the row (the file's line), the column,
/// the value as written and why. Imports report these and change nothing (or, asked to skip
/// bad rows, write them to a rejects file).
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: String
    public var value: String
    public var message: String
    public init(line: Int, column: String, value: String, message: String) {
        self.line = line; self.column = column; self.value = value; self.message = message
    }
    public var description: String {
        line == 0 ? "column \(column): \(message)" : "row \(line), column \(column), value '\(value)': \(message)"
    }
}

/// An imported record with the file line it came from, and the references it names (an owner,
/// a customer) still as written — the Store resolves them by code or name.
public struct ImportRecord<Record: Sendable & Equatable>: Sendable, Equatable {
    public var line: Int
    public var record: Record
    public var references: [String: String]
    public init(line: Int, record: Record, references: [String: String] = [:]) {
        self.line = line; self.record = record; self.references = references
    }
}

/// What an import did (or, in a dry run, would do).
public struct ImportOutcome: Sendable, Equatable {
    public var imported: Int
    public var problems: [ImportProblem]
    /// Not errors: e.g. a customer whose phone matches an existing one (docs/domain.md's non-blocking
    /// duplicate rules), imported and listed so someone looks.
    public var warnings: [ImportProblem]
    public var dryRun: Bool
    public init(imported: Int, problems: [ImportProblem], warnings: [ImportProblem], dryRun: Bool) {
        self.imported = imported; self.problems = problems; self.warnings = warnings; self.dryRun = dryRun
    }
}
