/// One line of what was sold: a Checkout Session's line item (present when the session came
/// with `line_items` expanded) or an invoice line.
///
/// The two shapes differ at API version 2026-07-29.dahlia, and decoding reads either:
/// - a Checkout line item: `amount_total`, and the expanded `price` with its `id` and `product`;
/// - an invoice line: `amount`, and `pricing.price_details.price` / `.product` as ids, which
///   may be missing (a line not priced by a Price), leaving the ids nil.
public struct LineItemFacts: Sendable, Equatable {
    public var description: String?
    public var quantity: Int64
    /// What the line came to: a Checkout item's `amount_total`, an invoice line's `amount`.
    public var amount: Int64
    public var currency: String?
    public var priceID: String?
    public var productID: String?

    public init(
        description: String?, quantity: Int64, amount: Int64, currency: String?, priceID: String?,
        productID: String?
    ) {
        self.description = description
        self.quantity = quantity
        self.amount = amount
        self.currency = currency
        self.priceID = priceID
        self.productID = productID
    }
}

extension LineItemFacts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case description, quantity, currency, price, pricing, amount
        case amountTotal = "amount_total"
    }

    private enum PriceKeys: String, CodingKey {
        case id, product
    }

    private enum PricingKeys: String, CodingKey {
        case priceDetails = "price_details"
    }

    private enum PriceDetailsKeys: String, CodingKey {
        case price, product
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        description = try object.decodeIfPresent(String.self, forKey: .description)
        quantity = try object.decodeIfPresent(Int64.self, forKey: .quantity) ?? 1
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        amount =
            try object.decodeIfPresent(Int64.self, forKey: .amountTotal)
            ?? object.decodeIfPresent(Int64.self, forKey: .amount) ?? 0
        if let price = try object.nestedIfPresent(keyedBy: PriceKeys.self, forKey: .price) {
            priceID = try price.decodeIfPresent(String.self, forKey: .id)
            productID = try price.referenceIfPresent(forKey: .product)
        } else {
            let details = try object.nestedIfPresent(keyedBy: PricingKeys.self, forKey: .pricing)?
                .nestedIfPresent(keyedBy: PriceDetailsKeys.self, forKey: .priceDetails)
            priceID = try details?.referenceIfPresent(forKey: .price)
            productID = try details?.referenceIfPresent(forKey: .product)
        }
    }
}
