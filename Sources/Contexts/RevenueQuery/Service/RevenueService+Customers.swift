import Contracts

extension RevenueService {
    /// Every paying email of the business (or those that paid in the currency asked) with its
    /// figures, matched to CRM contacts, paged by position: a page starts strictly after the (sort value, email) its token names, so
    /// customers added or removed between calls shift no rows. A customer whose sort value
    /// changes between calls moves in the order, and may so be shown twice or not at all.
    public func listCustomers(
        _ request: RevenueV1.ListCustomersRequest
    ) throws -> RevenueV1.ListCustomersResponse {
        try RevenueArguments.validate(businessID: request.businessId)
        let sort = try CustomerSort(argument: request.sort)
        let typed = try RevenueArguments.filter(request.filter)
        let filter = TextFilter(typed)
        let asked = try RevenueArguments.currency(request.currency)
        let size = try RevenueArguments.pageSize(request.pageSize)
        let derived = store(request.businessId)
        _ = try RevenueArguments.pageStart(token: request.pageToken, listing: nil)
        let namedInStripe = filter.isEmpty ? [] : try derived.emails(whoseNameMatches: filter)
        return try reading(request.businessId) { book, contactBook in
            // Spent is ranked in one currency: the one asked, else the business's main one.
            let currency = asked ?? (sort == .spent ? book?.index.mainCurrency() ?? "" : "")
            let listing = CustomerPageToken.fingerprint(
                businessID: request.businessId, sort: "\(sort.rawValue) \(asked ?? "*") \(currency)", filter: typed)
            let start = try RevenueArguments.pageStart(token: request.pageToken, listing: listing)
            guard let index = book?.index else { return .init() }
            let contactBook = contactBook ?? ContactBook()
            let namedInCRM = filter.isEmpty ? [] : contactBook.emails(whoseNameMatches: filter)
            var matching: Int64 = 0
            var page = BoundedRanking<RankedEmail>(limit: size, ranksBefore: RankedEmail.ranksBefore)
            index.forEachEmailID { id in
                let email = index.email(ofID: id)
                if !filter.isEmpty {
                    guard
                        filter.matches(lowercased: email) || namedInStripe.contains(email) || namedInCRM.contains(email)
                    else { return }
                }
                guard let value = sort.value(ofEmailID: id, in: index, currency: currency, only: asked != nil)
                else { return }
                matching += 1
                if let start, !CustomerSort.ranks(start.value, start.email, before: value, email) { return }
                page.offer(RankedEmail(id: id, email: email, value: value))
            }
            let entries = page.ranked()
            let rows = try entries.map { entry in
                try row(
                    email: entry.email, summary: EmailSummaryBuilder.summary(ofID: entry.id, in: index),
                    currency: asked, derived: derived,
                    contact: contactBook.contact(forEmail: entry.email)
                )
            }
            var next = ""
            if page.offered > size, let last = entries.last {
                next = CustomerPageToken(value: last.value, email: last.email, listing: listing).text
            }
            return .init(customers: rows, nextPageToken: next, totalCount: matching)
        }
    }

    /// One row; its figures in `currency` when one was asked, else in its latest purchase's.
    private func row(
        email: String, summary: RevenueV1.EmailSummary, currency: String?, derived: DerivedStore,
        contact: RevenueV1.Contact?
    ) throws -> RevenueV1.CustomerRow {
        let shown = currency.map { code in summary.totals.first { $0.currency == code } } ?? summary.totals.first
        return RevenueV1.CustomerRow(
            email: email,
            name: try stripeName(of: email, in: derived) ?? contact?.name ?? "",
            currency: shown?.currency ?? "",
            spent: shown?.spent ?? 0,
            spentDisplay: shown?.display ?? "",
            orders: currency == nil ? summary.orders : shown?.orders ?? 0,
            lastPurchaseAt: currency == nil ? summary.lastPurchaseAt : shown?.lastPurchaseAt ?? 0,
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
