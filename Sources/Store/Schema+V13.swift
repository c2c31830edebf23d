import GRDB

/// The people at a supplier, beside the one contact person of its master data; the category a
/// product is filed under; how many of a customer's seven key fields are filled (record
/// completeness), indexed so the KPI sums it without reading every customer.
enum SchemaV13 {
    static let identifier = "v13-supplier-contacts-product-categories"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE supplier_contacts (
                id INTEGER PRIMARY KEY,
                supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
                name TEXT NOT NULL CHECK (length(name) > 0),
                title TEXT,
                mobile TEXT,
                phone TEXT,
                email TEXT,
                wechat TEXT,
                notes TEXT,
                version INTEGER NOT NULL DEFAULT 1
            ) STRICT;
            CREATE INDEX supplier_contacts_supplier ON supplier_contacts(supplier_id);
            ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT '';
            ALTER TABLE customers ADD COLUMN filled_fields INTEGER GENERATED ALWAYS AS (
                (coalesce(trim(contact_person), '') <> '') + (coalesce(trim(phone), '') <> '') + (coalesce(trim(email), '') <> '')
                + (coalesce(trim(address), '') <> '') + (coalesce(trim(industry), '') <> '') + (coalesce(trim(source), '') <> '') + (owner_id IS NOT NULL)) VIRTUAL;
            -- Led by the count, so no customer list takes it for a look-up by owner.
            CREATE INDEX customers_filled ON customers(filled_fields, owner_id) WHERE archived = 0;
            """)
    }
}
