import BridgeRPC
import Contracts

extension RevenueService {
    /// Stores or replaces CRM contacts of a business (matched to buyers by email).
    public func upsertContacts(_ request: RevenueV1.UpsertContactsRequest) throws -> RevenueV1.UpsertContactsResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        guard request.contacts.count <= Self.maximumEmailsPerCall else {
            throw RPCError.invalidArgument(
                "contacts: \(request.contacts.count) given, at most \(Self.maximumEmailsPerCall) per call"
            )
        }
        for (index, contact) in request.contacts.enumerated() {
            guard !contact.contactId.isEmpty else {
                throw RPCError.invalidArgument("contacts[\(index)].contact_id is empty")
            }
            try RevenueArguments.validate(email: contact.email, name: "contacts[\(index)].email")
        }
        applying.lock()
        defer { applying.unlock() }
        try database.transaction {
            for contact in request.contacts {
                try database.execute(
                    """
                    INSERT INTO contacts (business_id, contact_id, email, name) VALUES (?, ?, ?, ?)
                    ON CONFLICT (business_id, contact_id) DO UPDATE SET email = excluded.email, name = excluded.name
                    """,
                    [.text(request.businessId), .text(contact.contactId), .text(contact.email), .text(contact.name)]
                )
            }
        }
        state.writing {
            for contact in request.contacts { contacts[request.businessId, default: ContactBook()].upsert(contact) }
        }
        return .init(stored: Int64(request.contacts.count))
    }

    public func removeContacts(_ request: RevenueV1.RemoveContactsRequest) throws -> RevenueV1.RemoveContactsResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        applying.lock()
        defer { applying.unlock() }
        try database.transaction {
            for id in request.contactIds {
                try database.execute(
                    "DELETE FROM contacts WHERE business_id = ? AND contact_id = ?",
                    [.text(request.businessId), .text(id)]
                )
            }
        }
        let removed = state.writing {
            request.contactIds.filter { contacts[request.businessId]?.remove(id: $0) == true }.count
        }
        return .init(removed: Int64(removed))
    }
}
