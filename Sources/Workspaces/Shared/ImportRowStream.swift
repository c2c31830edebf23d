import Documents
import Domain
import Foundation
import Store

/// One row of an import file as a kind's converter sees it: its values by field name, and the
/// problems found reading them (a bad number or date names row, column and value).
struct ImportRow {
    let line: Int
    let fields: [String]
    let mapped: MappedTable
    var problems: [ImportProblem] = []

    func field(_ name: String) -> String { mapped.value(name, in: fields) }
    func optional(_ name: String) -> String? { let v = field(name); return v.isEmpty ? nil : v }

    /// Parses one value; a failure becomes a problem of this row and column.
    mutating func parse<T>(_ name: String, _ body: (String) throws(DomainError) -> T) -> T? {
        let v = field(name)
        do { return try body(v) } catch {
            problems.append(ImportProblem(line: line, column: name, value: v, message: error.message)); return nil
        }
    }
}

/// The records of an import file, read, shaped and converted a batch at a time: what the Store
/// pulls inside its transaction, so memory holds one batch whatever the file's size. Problems
/// found on the way are kept for the outcome.
final class ImportRowStream: @unchecked Sendable {
    let reader: CSV.Reader
    let mapped: MappedTable
    private(set) var problems: [ImportProblem] = []
    static let batchSize = 2_000

    init(reader: CSV.Reader, mapped: MappedTable) { self.reader = reader; self.mapped = mapped }

    /// The next batch of converted records; nil when the file is done.
    func batch<R>(_ convert: (inout ImportRow) -> ImportRecord<R>?) throws -> [ImportRecord<R>]? {
        var out: [ImportRecord<R>] = []
        while out.count < ImportRowStream.batchSize, let r = try reader.next() {
            if let p = mapped.shapeProblem(line: r.line, fields: r.fields) { problems.append(p); continue }
            var row = ImportRow(line: r.line, fields: r.fields, mapped: mapped)
            let record = convert(&row)
            problems += row.problems
            if let record { out.append(record) }
        }
        return out.isEmpty ? nil : out
    }

    /// Every batch, for the Store to pull. A file that cannot be read on (a quote never closed,
    /// a control character) ends the rows, blocks the import, and is thrown by `rethrow` after.
    func batches<R>(_ convert: @escaping (inout ImportRow) -> ImportRecord<R>?) -> ImportBatches<R> {
        ImportBatches({
            do { return try self.batch(convert) } catch { self.failure = error; return nil }
        }, refusedBefore: { !self.problems.isEmpty || self.failure != nil })
    }

    private(set) var failure: (any Error)?

    func rethrow() throws { if let failure { throw failure } }

    /// Every record at once, for the kinds that need the whole file (users, sales orders).
    func all<R>(_ convert: (inout ImportRow) -> ImportRecord<R>?) throws -> [ImportRecord<R>] {
        var out: [ImportRecord<R>] = []
        while let b = try batch(convert) { out += b }
        return out
    }

    /// Shaped rows, unconverted (sales orders join them with their lines file).
    func good() throws -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        while let r = try reader.next() {
            if let p = mapped.shapeProblem(line: r.line, fields: r.fields) { problems.append(p) } else { out.append((r.line, r.fields)) }
        }
        return out
    }

    func add(_ more: [ImportProblem]) { problems += more }
}
