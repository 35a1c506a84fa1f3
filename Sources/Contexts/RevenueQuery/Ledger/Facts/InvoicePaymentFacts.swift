/// What the ledger needs from a Stripe InvoicePayment: the link from an invoice to the
/// PaymentIntent (or PI-less Charge) that paid it.
public struct InvoicePaymentFacts: Sendable, Equatable {
    public var id: String
    public var invoice: String?
    public var status: String?
    public var amountPaid: Int64?
    public var currency: String?
    /// `payment.type`: `payment_intent`, `charge` or `payment_record`.
    public var paymentType: String?
    public var paymentIntent: String?
    public var charge: String?
    /// `status_transitions.paid_at`.
    public var paidAt: Int64?

    public var paid: Bool { status == "paid" }

    /// The payment key this InvoicePayment stands for, when it is paid through a PaymentIntent
    /// or a Charge; nil for out-of-band payment records.
    public var paymentKey: String? {
        guard paid, paymentType == "payment_intent" || paymentType == "charge" else { return nil }
        return paymentIntent ?? charge
    }
}

extension InvoicePaymentFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, invoice, status, currency, payment
        case amountPaid = "amount_paid"
        case statusTransitions = "status_transitions"
    }

    private enum PaymentKeys: String, CodingKey {
        case type, charge
        case paymentIntent = "payment_intent"
    }

    private enum TransitionKeys: String, CodingKey {
        case paidAt = "paid_at"
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        id = try object.decode(String.self, forKey: .id)
        invoice = try object.referenceIfPresent(forKey: .invoice)
        status = try object.decodeIfPresent(String.self, forKey: .status)
        amountPaid = try object.decodeIfPresent(Int64.self, forKey: .amountPaid)
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        let payment = try object.nestedIfPresent(keyedBy: PaymentKeys.self, forKey: .payment)
        paymentType = try payment?.decodeIfPresent(String.self, forKey: .type)
        paymentIntent = try payment?.referenceIfPresent(forKey: .paymentIntent)
        charge = try payment?.referenceIfPresent(forKey: .charge)
        paidAt = try object.nestedIfPresent(keyedBy: TransitionKeys.self, forKey: .statusTransitions)?
            .decodeIfPresent(Int64.self, forKey: .paidAt)
    }
}
