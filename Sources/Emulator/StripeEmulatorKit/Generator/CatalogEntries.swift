/// A generated customer as the generator remembers it.
struct GeneratedCustomer {
    let id: String
    let number: Int
    let name: String
    /// The email exactly as stored on the customer (may have upper case or spaces); nil if none.
    let rawEmail: String?
    let primaryCurrency: String
    var subscriptionID: String?
}

/// A generated price.
struct GeneratedPrice {
    let id: String
    let productID: String
    let productName: String
    let currency: String
    let unitAmount: Int64
    let recurring: Bool
}

/// The emails a purchase's objects carry, raw, and the buyer email that follows from them.
struct PurchaseEmails {
    var customer: String?
    var session: String?
    var invoice: String?
    var billing: String?
    var receipt: String?

    /// The first non-empty of customer, session, invoice, billing, receipt; trimmed, lower-cased.
    var buyer: String? {
        for candidate in [customer, session, invoice, billing, receipt] {
            guard let candidate else { continue }
            let normalized = candidate.trimmingASCIISpaces().lowercased()
            if !normalized.isEmpty { return normalized }
        }
        return nil
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        let isSpace = { (character: Character) in character == " " || character == "\t" || character == "\n"
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
