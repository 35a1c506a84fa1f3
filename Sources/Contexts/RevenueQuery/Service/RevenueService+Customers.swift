import Contracts

extension RevenueService {
    /// Every paying email of the business with its figures, matched to CRM contacts, paged.
    public func listCustomers(_ request: RevenueV1.ListCustomersRequest) throws -> RevenueV1.ListCustomersResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        let sort = try CustomerSort(argument: request.sort)
        let offset = try RevenueArguments.pageOffset(token: request.pageToken)
        let size = try RevenueArguments.pageSize(request.pageSize)
        let filter = request.filter.trimmingCharacters(in: .whitespaces).lowercased()
        return reading(request.businessId) { book, contactBook in
            guard let book else { return .init() }
            let contactBook = contactBook ?? ContactBook()
            var ranked: [(email: String, value: Int64)] = []
            for (email, byCurrency) in book.rollup.byEmail {
                if !filter.isEmpty {
                    let names = [stripeName(of: email, in: book), contactBook.contact(forEmail: email)?.name]
                    let matches = email.contains(filter)
                        || names.contains { $0?.lowercased().contains(filter) == true }
                    guard matches else { continue }
                }
                ranked.append((email, sort.value(of: EmailTotals(email: email, byCurrency: byCurrency))))
            }
            ranked.sort { $0.value != $1.value ? $0.value > $1.value : $0.email < $1.email }
            let page = ranked.dropFirst(offset).prefix(size)
            let rows = page.map { row(email: $0.email, book: book, contact: contactBook.contact(forEmail: $0.email)) }
            let next = offset + rows.count
            return .init(
                customers: rows, nextPageToken: next < ranked.count ? String(next) : "", totalCount: Int64(ranked.count)
            )
        }
    }

    private func row(email: String, book: BusinessBook, contact: RevenueV1.Contact?) -> RevenueV1.CustomerRow {
        let summary = EmailSummaryBuilder.summary(asked: email, totals: book.rollup.totals(forEmail: email))
        let latest = summary.totals.first
        return RevenueV1.CustomerRow(
            email: email,
            name: stripeName(of: email, in: book) ?? contact?.name ?? "",
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
    private func stripeName(of email: String, in book: BusinessBook) -> String? {
        book.ledger.customerIDs(withEmail: email).lazy
            .compactMap { book.ledger.customers[$0]?.name }
            .first { !$0.isEmpty }
    }
}
