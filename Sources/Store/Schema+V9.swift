import GRDB

/// Expenses are posted documents (voided with a reason, never edited) whose categories and items
/// are the company's own lists: the nine standard categories to start with, finance adds more;
/// an item is added to its category's list the first time it is used.
enum SchemaV9 {
    static let identifier = "v9-expense-lists"

    static let standardCategories = ["rent", "utilities", "office", "salaries", "commissions", "sales", "marketing", "travel", "other"]

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE expense_categories (
                name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
                position INTEGER NOT NULL
            ) STRICT;
            CREATE TABLE expense_items (
                category TEXT NOT NULL REFERENCES expense_categories(name),
                item TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 80),
                PRIMARY KEY (category, item)
            ) STRICT;
            CREATE TABLE expenses_posted (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                expense_date TEXT NOT NULL,
                category TEXT NOT NULL REFERENCES expense_categories(name),
                item TEXT NOT NULL,
                amount INTEGER NOT NULL CHECK (amount > 0),
                method TEXT NOT NULL CHECK (method IN (\(SchemaV1.methods))),
                rep_id INTEGER REFERENCES users(id),
                note TEXT,
                status TEXT NOT NULL DEFAULT 'posted' CHECK (status IN ('posted','voided')),
                void_reason TEXT,
                created_by INTEGER REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1,
                CHECK ((status = 'voided') = (void_reason IS NOT NULL))
            ) STRICT;
            """)
        for (i, name) in standardCategories.enumerated() {
            try db.execute(sql: "INSERT INTO expense_categories (name, position) VALUES (?, ?)", arguments: [name, i + 1])
        }
        try db.execute(sql: """
            INSERT INTO expenses_posted (id, number, expense_date, category, item, amount, method, rep_id, note, created_by, version)
            SELECT id, number, expense_date, category, item, amount, method, rep_id, note, created_by, version FROM expenses;
            INSERT INTO expense_items (category, item) SELECT DISTINCT category, item FROM expenses;
            DROP TABLE expenses;
            ALTER TABLE expenses_posted RENAME TO expenses;
            CREATE INDEX expenses_date ON expenses(expense_date, status, category, amount, rep_id);
            CREATE INDEX expenses_rep_date ON expenses(rep_id, expense_date);
            """)
    }
}
