/// What the ledger needs from a Stripe Checkout Session. It carries money only when
/// `status == complete` and `paymentStatus == paid`; setup mode never does.
public struct CheckoutSessionFacts: Sendable, Equatable {
    public var id: String
    public var mode: String?
    public var status: String?
    public var paymentStatus: String?
    public var paymentIntent: String?
    public var invoice: String?
    public var customer: String?
    /// `customer_details.email`: what the buyer typed at checkout.
    public var customerDetailsEmail: String?
    public var amountTotal: Int64?
    public var currency: String?
    public var created: Int64?
    /// What was bought, when the session was read with `line_items` expanded; else empty.
    public var lineItems: [LineItemFacts] = []

    /// Complete, paid and not a setup session.
    public var receivedMoney: Bool {
        status == "complete" && paymentStatus == "paid" && mode != "setup"
    }
}

extension CheckoutSessionFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, mode, status, invoice, customer, currency, created
        case paymentStatus = "payment_status"
        case paymentIntent = "payment_intent"
        case customerDetails = "customer_details"
        case amountTotal = "amount_total"
        case lineItems = "line_items"
    }

    private enum ListKeys: String, CodingKey {
        case data
    }

    private enum DetailsKeys: String, CodingKey {
        case email
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
        mode = try object.decodeIfPresent(String.self, forKey: .mode)
        status = try object.decodeIfPresent(String.self, forKey: .status)
        paymentStatus = try object.decodeIfPresent(String.self, forKey: .paymentStatus)
        paymentIntent = try object.referenceIfPresent(forKey: .paymentIntent)
        invoice = try object.referenceIfPresent(forKey: .invoice)
        customer = try object.referenceIfPresent(forKey: .customer)
        customerDetailsEmail = try object
            .nestedIfPresent(keyedBy: DetailsKeys.self, forKey: .customerDetails)?
            .decodeIfPresent(String.self, forKey: .email)
        amountTotal = try object.decodeIfPresent(Int64.self, forKey: .amountTotal)
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        created = try object.decodeIfPresent(Int64.self, forKey: .created)
        lineItems =
            try object.nestedIfPresent(keyedBy: ListKeys.self, forKey: .lineItems)?
            .decodeIfPresent([LineItemFacts].self, forKey: .data) ?? []
    }
}
