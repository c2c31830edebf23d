import GRDB

/// The shared-host deployment: staff reach Rapport through a sudo rule as the service account,
/// and the manager maps each operating-system account to the Rapport login it stands for.
enum SchemaV5 {
    static let identifier = "v5-os-accounts"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE os_accounts (
                os_user TEXT PRIMARY KEY NOT NULL CHECK (length(os_user) BETWEEN 1 AND 64),
                user_id INTEGER NOT NULL REFERENCES users(id),
                mapped_at INTEGER NOT NULL
            ) STRICT
            """)
        try db.execute(sql: "CREATE INDEX os_accounts_user ON os_accounts(user_id)")
    }
}
