import BridgeRPC

/// Argument checks shared by RevenueQuery's calls; each failure names the argument and why.
enum RevenueArguments {
    static func validate(businessID: String) throws {
        guard !businessID.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RPCError.invalidArgument("business_id is empty: name the business whose data is asked for")
        }
    }

    static func validate(emails: [String], maximum: Int) throws {
        guard emails.count <= maximum else {
            throw RPCError.invalidArgument(
                "emails: \(emails.count) given, at most \(maximum) per call; split the batch"
            )
        }
        for (index, email) in emails.enumerated() {
            guard let normalized = EmailAddress.normalize(email), EmailAddress.isPlausible(normalized) else {
                throw RPCError.invalidArgument("emails[\(index)] is not an email address (expected local@domain.tld)")
            }
        }
    }
}
