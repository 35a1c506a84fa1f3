import Contracts

/// The CRM contacts of one business, found by id and by normalised email.
struct ContactBook: Sendable {
    private(set) var byID: [String: RevenueV1.Contact] = [:]
    private var idsByEmail: [String: [String]] = [:]

    mutating func upsert(_ contact: RevenueV1.Contact) {
        remove(id: contact.contactId)
        byID[contact.contactId] = contact
        if let email = EmailAddress.normalize(contact.email) {
            idsByEmail[email, default: []].append(contact.contactId)
        }
    }

    @discardableResult
    mutating func remove(id: String) -> Bool {
        guard let held = byID.removeValue(forKey: id) else { return false }
        if let email = EmailAddress.normalize(held.email) {
            idsByEmail[email]?.removeAll { $0 == id }
            if idsByEmail[email]?.isEmpty == true { idsByEmail[email] = nil }
        }
        return true
    }

    /// The contact with this normalised email (the smallest id when several share it).
    func contact(forEmail email: String) -> RevenueV1.Contact? {
        idsByEmail[email]?.min().flatMap { byID[$0] }
    }

    /// The emails whose contact (as `contact(forEmail:)` picks it) has a name matching `filter`.
    func emails(whoseNameMatches filter: TextFilter) -> Set<String> {
        Set(idsByEmail.keys.filter { email in contact(forEmail: email).map { filter.matches($0.name) } ?? false })
    }
}
