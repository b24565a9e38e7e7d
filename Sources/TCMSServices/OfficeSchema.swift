/// Registration offices (技术合同登记机构) and the GB/T 2260 regions each covers. One division code
/// belongs to at most one office; a request is routed to the most specific covering code.
enum OfficeSchema {
    static let sql = """
        CREATE TABLE offices (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
            address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            hours TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE office_regions (
            division_code TEXT PRIMARY KEY CHECK (length(division_code) = 6),
            office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE
        ) STRICT;
        CREATE INDEX office_regions_by_office ON office_regions (office_id);
        """
}
