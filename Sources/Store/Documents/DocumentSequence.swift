import Domain
import GRDB

/// Gapless numbers per document kind and year, taken inside the document's transaction so a
/// rolled-back write gives its number back.
enum DocumentSequence {
    static func next(_ db: Database, kind: DocumentKind, year: Int) throws -> String {
        try db.execute(sql: """
            INSERT INTO document_sequences (kind, year, last) VALUES (?, ?, 1)
            ON CONFLICT (kind, year) DO UPDATE SET last = last + 1
            """, arguments: [kind.rawValue, year])
        let n = try Int.fetchOne(db, sql: "SELECT last FROM document_sequences WHERE kind = ? AND year = ?", arguments: [kind.rawValue, year]) ?? 1
        return kind.number(year: year, sequence: n)
    }
}
