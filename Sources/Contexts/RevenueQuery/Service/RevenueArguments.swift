import BridgeRPC

/// Argument checks shared by RevenueQuery's calls; each failure names the argument and why.
enum RevenueArguments {
    static func validate(businessID: String) throws {
        guard !businessID.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
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
            try validate(email: email, name: "emails[\(index)]")
        }
    }

    /// The longest customer filter accepted, in characters.
    static let maximumFilterLength = 200

    /// The customer filter as typed, trimmed and lower-cased.
    static func filter(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maximumFilterLength else {
            throw RPCError.invalidArgument(
                "filter is \(trimmed.count) characters long; at most \(maximumFilterLength) are matched")
        }
        return trimmed.lowercased()
    }

    /// A currency asked for: nil when empty, else a three-letter code, lower-cased.
    static func currency(_ code: String) throws -> String? {
        guard !code.isEmpty else { return nil }
        let lowered = code.lowercased()
        guard lowered.utf8.count == 3, lowered.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else {
            throw RPCError.invalidArgument(
                "currency \"\(code)\" is not a three-letter ISO code such as usd; leave it empty for all")
        }
        return lowered
    }

    /// `name` is built only for the error: the grids send batches of hundreds.
    static func validate(email: String, name: @autoclosure () -> String = "email") throws {
        let plausible =
            EmailAddress.isPlausibleNormalizedASCII(email)
            ?? EmailAddress.normalize(email).map(EmailAddress.isPlausible) ?? false
        guard plausible else {
            let length = email.utf8.count
            guard length <= EmailAddress.maximumLength else {
                throw RPCError.invalidArgument(
                    "\(name()) is \(length) bytes long; an email address has at most \(EmailAddress.maximumLength)")
            }
            throw RPCError.invalidArgument("\(name()) is not an email address (expected local@domain.tld)")
        }
    }

    /// Where a ListCustomers page starts: nil for an empty token (the first page), otherwise
    /// the position an earlier next_page_token of the same listing ended at (with `listing`
    /// nil, only the token itself is checked). The token is not echoed: it holds an email.
    static func pageStart(token: String, listing: UInt64?) throws -> CustomerPageToken? {
        guard !token.isEmpty else { return nil }
        guard let start = CustomerPageToken(text: token) else {
            throw RPCError.invalidArgument(
                "page_token is not one this service gave; pass next_page_token unchanged, "
                    + "or leave page_token empty to start from the first page"
            )
        }
        guard listing == nil || start.listing == listing else {
            throw RPCError.invalidArgument(
                "page_token belongs to a listing with another business, sort, filter or currency (by spent "
                    + "without a currency, the business's main currency may have changed since); "
                    + "leave page_token empty to start this listing from the first page"
            )
        }
        return start
    }

    /// Rows per page: 0 means 50; more than 500 is refused.
    static func pageSize(_ size: Int32) throws -> Int {
        guard size >= 0, size <= 500 else {
            throw RPCError.invalidArgument("page_size must be between 0 and 500 (0 means 50), got \(size)")
        }
        return size == 0 ? 50 : Int(size)
    }
}
