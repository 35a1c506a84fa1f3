/// What the ledger needs from a Stripe Invoice. At API version 2026-07-29.dahlia an invoice
/// names no PaymentIntent or Charge; its payments are the InvoicePayments that point at it.
public struct InvoiceFacts: Sendable, Equatable {
    public var id: String
    public var status: String?
    public var amountPaid: Int64
    public var currency: String?
    public var customer: String?
    /// The customer's email as it was when the invoice was finalized.
    public var customerEmail: String?
    /// `status_transitions.paid_at`.
    public var paidAt: Int64?
    public var created: Int64?
    /// `parent.subscription_details.subscription`.
    public var subscription: String?
    /// `lines.data`: what the invoice billed. Complete when SyncEngine fetched the lines past the
    /// first page; a lines list that cannot be read leaves this empty, so the invoice's money
    /// still counts.
    public var lineItems: [LineItemFacts] = []

    public var paid: Bool { status == "paid" }
}

extension InvoiceFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, status, currency, customer, created, parent, lines
        case amountPaid = "amount_paid"
        case customerEmail = "customer_email"
        case statusTransitions = "status_transitions"
    }

    private enum TransitionKeys: String, CodingKey {
        case paidAt = "paid_at"
    }

    private enum ParentKeys: String, CodingKey {
        case subscriptionDetails = "subscription_details"
    }

    private enum SubscriptionDetailsKeys: String, CodingKey {
        case subscription
    }

    private enum ListKeys: String, CodingKey {
        case data
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
        status = try object.decodeIfPresent(String.self, forKey: .status)
        amountPaid = try object.decodeIfPresent(Int64.self, forKey: .amountPaid) ?? 0
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        customer = try object.referenceIfPresent(forKey: .customer)
        customerEmail = try object.decodeIfPresent(String.self, forKey: .customerEmail)
        paidAt = try object.nestedIfPresent(keyedBy: TransitionKeys.self, forKey: .statusTransitions)?
            .decodeIfPresent(Int64.self, forKey: .paidAt)
        created = try object.decodeIfPresent(Int64.self, forKey: .created)
        subscription = try object.nestedIfPresent(keyedBy: ParentKeys.self, forKey: .parent)?
            .nestedIfPresent(keyedBy: SubscriptionDetailsKeys.self, forKey: .subscriptionDetails)?
            .referenceIfPresent(forKey: .subscription)
        lineItems =
            (try? object.nestedIfPresent(keyedBy: ListKeys.self, forKey: .lines)?
                .decodeIfPresent([LineItemFacts].self, forKey: .data)) ?? []
    }
}
