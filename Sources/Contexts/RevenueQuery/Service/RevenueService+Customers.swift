import Contracts

extension RevenueService {
    /// Every paying email of the business with its figures, matched to CRM contacts, paged.
    public func listCustomers(_ request: RevenueV1.ListCustomersRequest) throws -> RevenueV1.ListCustomersResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        let sort = try CustomerSort(argument: request.sort)
        let offset = try RevenueArguments.pageOffset(token: request.pageToken)
        let size = try RevenueArguments.pageSize(request.pageSize)
        let filter = request.filter.trimmingCharacters(in: .whitespaces).lowercased()
        let derived = store(request.businessId)
        let stripeNames = filter.isEmpty ? [:] : try derived.firstNamesByEmail()
        return try reading(request.businessId) { book, contactBook in
            guard let book else { return .init() }
            let contactBook = contactBook ?? ContactBook()
            var ranked: [(email: String, value: Int64)] = []
            var totalsByEmail: [String: EmailTotals] = [:]
            book.index.forEachEmail { totals in
                guard let email = totals.email else { return }
                if !filter.isEmpty {
                    let names = [stripeNames[email], contactBook.contact(forEmail: email)?.name]
                    let matches =
                        email.contains(filter)
                        || names.contains { $0?.lowercased().contains(filter) == true }
                    guard matches else { return }
                }
                ranked.append((email, sort.value(of: totals)))
            }
            ranked.sort { $0.value != $1.value ? $0.value > $1.value : $0.email < $1.email }
            let page = ranked.dropFirst(offset).prefix(size)
            for entry in page { totalsByEmail[entry.email] = book.index.totals(forEmail: entry.email) }
            let rows = try page.map { entry in
                try row(
                    email: entry.email, totals: totalsByEmail[entry.email]!, derived: derived,
                    contact: contactBook.contact(forEmail: entry.email)
                )
            }
            let next = offset + rows.count
            return .init(
                customers: rows, nextPageToken: next < ranked.count ? String(next) : "", totalCount: Int64(ranked.count)
            )
        }
    }

    private func row(
        email: String, totals: EmailTotals, derived: DerivedStore, contact: RevenueV1.Contact?
    ) throws -> RevenueV1.CustomerRow {
        let summary = EmailSummaryBuilder.summary(asked: email, totals: totals)
        let latest = summary.totals.first
        return RevenueV1.CustomerRow(
            email: email,
            name: try stripeName(of: email, in: derived) ?? contact?.name ?? "",
            currency: latest?.currency ?? "",
            spent: latest?.spent ?? 0,
            spentDisplay: latest?.display ?? "",
            orders: summary.orders,
            lastPurchaseAt: summary.lastPurchaseAt,
            totals: summary.totals,
            contactId: contact?.contactId ?? "",
            contactName: contact?.name ?? ""
        )
    }

    /// The name on the first Stripe customer with this email that has one.
    private func stripeName(of email: String, in derived: DerivedStore) throws -> String? {
        try derived.customers(withEmail: email).lazy.compactMap(\.name).first { !$0.isEmpty }
    }
}
