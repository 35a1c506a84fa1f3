import BridgeStore

/// The derived tables of one business in RevenueQuery's SQLite file: links between objects,
/// each customer's email and name, and one row per payment. Writes belong inside the
/// transaction that stores the objects they are derived from.
struct DerivedStore {
    let database: Database
    let business: String

    private var owner: SQLValue { .text(business) }

    /// Forgets everything derived for the business.
    func purge() throws {
        for table in ["object_links", "customer_links", "payments", "customers"] {
            try database.execute("DELETE FROM \(table) WHERE business_id = ?", [owner])
        }
    }

    // MARK: Links

    /// The payment-side ids an object was recorded as pointing at.
    func paymentReferences(type: String, id: String) throws -> [String] {
        var targets: [String] = []
        try database.query(
            "SELECT target_id FROM object_links WHERE business_id = ? AND object_type = ? AND object_id = ?",
            [owner, .text(type), .text(id)]
        ) { targets.append($0.text(0)) }
        return targets
    }

    /// Records what an object points at now; nil facts (a deleted object) drop its links.
    func replaceLinks(type: String, id: String, facts: StripeObjectFacts?) throws {
        let object: [SQLValue] = [owner, .text(type), .text(id)]
        try database.execute(
            "DELETE FROM object_links WHERE business_id = ? AND object_type = ? AND object_id = ?", object
        )
        try database.execute(
            "DELETE FROM customer_links WHERE business_id = ? AND object_type = ? AND object_id = ?", object
        )
        guard let facts else { return }
        try insertLinks(of: facts)
    }

    func insertLinks(of facts: StripeObjectFacts) throws {
        let object: [SQLValue] = [.text(facts.objectType), .text(facts.id)]
        for target in Set(ObjectLinks.paymentReferences(of: facts)) {
            try database.execute(
                "INSERT OR IGNORE INTO object_links (business_id, target_id, object_type, object_id) "
                    + "VALUES (?, ?, ?, ?)",
                [owner, .text(target)] + object
            )
        }
        if let customer = ObjectLinks.customerReference(of: facts) {
            try database.execute(
                """
                INSERT OR IGNORE INTO customer_links (business_id, customer_id, object_type, object_id)
                VALUES (?, ?, ?, ?)
                """,
                [owner, .text(customer)] + object
            )
        }
    }

    /// Ids of the objects that point at `target` (payment-side links only).
    func referrers(of target: String) throws -> [String] {
        var ids: [String] = []
        try database.query(
            "SELECT object_id FROM object_links WHERE business_id = ? AND target_id = ?", [owner, .text(target)]
        ) { ids.append($0.text(0)) }
        return ids
    }

    /// Ids of the objects that name this customer.
    func customerReferrers(of customer: String) throws -> [String] {
        var ids: [String] = []
        try database.query(
            "SELECT object_id FROM customer_links WHERE business_id = ? AND customer_id = ?", [owner, .text(customer)]
        ) { ids.append($0.text(0)) }
        return ids
    }

    // MARK: Customers

    func customer(_ id: String) throws -> CustomerFacts? {
        try database.queryOne(
            "SELECT email, name, deleted FROM customers WHERE business_id = ? AND customer_id = ?", [owner, .text(id)]
        ) { CustomerFacts(id: id, email: $0.optionalText(0), name: $0.optionalText(1), deleted: $0.int(2) != 0) }
    }

    /// Stores a customer snapshot merged with the one held (a deleted customer keeps its email).
    func store(customer facts: CustomerFacts) throws {
        try write(customer: facts.merged(keeping: try customer(facts.id)))
    }

    func write(customer facts: CustomerFacts) throws {
        try database.execute(
            """
            INSERT INTO customers (business_id, customer_id, email, name, deleted) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (business_id, customer_id) DO UPDATE
            SET email = excluded.email, name = excluded.name, deleted = excluded.deleted
            """,
            [
                owner, .text(facts.id), SQLValue(EmailAddress.normalize(facts.email)), SQLValue(facts.name),
                SQLValue(facts.deleted),
            ]
        )
    }

    /// Named index: without statistics SQLite prefers walking every customer of the business
    /// by primary key, which made a page of 50 customers cost most of a second at 200,000.
    static let customersByEmail = """
        SELECT customer_id, name, deleted FROM customers INDEXED BY customers_by_email
        WHERE business_id = ? AND email = ? ORDER BY customer_id
        """

    /// Customers whose normalised email is this one, by id.
    func customers(withEmail email: String) throws -> [CustomerFacts] {
        var found: [CustomerFacts] = []
        try database.query(
            Self.customersByEmail,
            [owner, .text(email)]
        ) {
            found.append(CustomerFacts(id: $0.text(0), email: email, name: $0.optionalText(1), deleted: $0.int(2) != 0))
        }
        return found
    }

    /// The emails with a Stripe customer whose name matches `filter`. Streams the names in
    /// table order rather than holding them all: at 200,000 customers a dictionary of every
    /// name cost some 40 MB at each search, and sorting them by email most of the time.
    func emails(whoseNameMatches filter: TextFilter) throws -> Set<String> {
        var matching: Set<String> = []
        try database.query(
            "SELECT email, name FROM customers WHERE business_id = ? AND email IS NOT NULL AND name IS NOT NULL",
            [owner]
        ) { row in
            if filter.matches(row.text(1)) { matching.insert(row.text(0)) }
        }
        return matching
    }
}
