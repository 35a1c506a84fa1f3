/// One line of what a Checkout Session sold, present when the session came with
/// `line_items` expanded.
public struct CheckoutLineItem: Sendable, Equatable {
    public var description: String?
    public var quantity: Int64
    public var amountTotal: Int64
    public var currency: String?
    public var priceID: String?
    public var productID: String?
}

extension CheckoutLineItem: Decodable {
    private enum CodingKeys: String, CodingKey {
        case description, quantity, currency, price
        case amountTotal = "amount_total"
    }

    private enum PriceKeys: String, CodingKey {
        case id, product
    }

    public init(from decoder: any Decoder) throws {
        let object = try decoder.container(keyedBy: CodingKeys.self)
        description = try object.decodeIfPresent(String.self, forKey: .description)
        quantity = try object.decodeIfPresent(Int64.self, forKey: .quantity) ?? 1
        amountTotal = try object.decodeIfPresent(Int64.self, forKey: .amountTotal) ?? 0
        currency = try object.decodeIfPresent(String.self, forKey: .currency)
        let price = try object.nestedIfPresent(keyedBy: PriceKeys.self, forKey: .price)
        priceID = try price?.decodeIfPresent(String.self, forKey: .id)
        productID = try price?.referenceIfPresent(forKey: .product)
    }
}
