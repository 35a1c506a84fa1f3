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

    /// `name` is built only for the error: the grids send batches of hundreds.
    static func validate(email: String, name: @autoclosure () -> String = "email") throws {
        let plausible =
            EmailAddress.isPlausibleNormalizedASCII(email)
            ?? EmailAddress.normalize(email).map(EmailAddress.isPlausible) ?? false
        guard plausible else {
            throw RPCError.invalidArgument("\(name()) is not an email address (expected local@domain.tld)")
        }
    }

    /// The first row of a page from its token: empty is 0, otherwise an earlier next_page_token.
    static func pageOffset(token: String) throws -> Int {
        guard !token.isEmpty else { return 0 }
        guard let offset = Int(token), offset >= 0 else {
            throw RPCError.invalidArgument(
                "page_token \"\(token)\" is not one this service gave; pass next_page_token or leave it empty"
            )
        }
        return offset
    }

    /// Rows per page: 0 means 50; more than 500 is refused.
    static func pageSize(_ size: Int32) throws -> Int {
        guard size >= 0, size <= 500 else {
            throw RPCError.invalidArgument("page_size must be between 0 and 500 (0 means 50), got \(size)")
        }
        return size == 0 ? 50 : Int(size)
    }
}
