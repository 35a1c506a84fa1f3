/// Products, prices and customers.
extension AccountBuilder {
    static let oneOffProducts = [
        "Starter Kit", "T-shirt", "Mug", "Poster", "Sticker Pack", "E-book", "Workshop Ticket",
    ]
    static let plans = ["Basic Plan", "Pro Plan", "Team Plan"]
    static let minorAmounts: [Int64] = [500, 999, 1500, 1999, 2900, 4900, 9900, 14900]
    static let yenAmounts: [Int64] = [500, 980, 1500, 2980, 4900, 9800]

    mutating func makeCatalog() {
        let created = epoch - 450 * Self.day
        for (index, name) in (Self.oneOffProducts + Self.plans).enumerated() {
            let recurring = index >= Self.oneOffProducts.count
            let productID = ids.make("prod_", &random)
            let productCreated = created + Int64(index) * 3600
            var priceIDs: [String] = []
            for currency in Self.currencies {
                let unit = currency == "jpy" ? random.pick(Self.yenAmounts) : random.pick(Self.minorAmounts)
                let price = GeneratedPrice(
                    id: ids.make("price_", &random), productID: productID, productName: name,
                    currency: currency, unitAmount: unit, recurring: recurring
                )
                priceIDs.append(price.id)
                prices.append(price)
                append(renderPrice(price, created: productCreated), to: .prices)
            }
            let product = templates.product.render([
                ("id", .string(productID)),
                ("created", .int(productCreated)),
                ("default_price", .string(priceIDs[0])),
                ("description", .string("\(name) from \(businessName)")),
                ("name", .string(name)),
                ("updated", .int(productCreated)),
            ])
            append(product, to: .products)
        }
    }

    private func renderPrice(_ price: GeneratedPrice, created: Int64) -> StoredObject {
        let recurring: JSONValue =
            price.recurring
            ? .object(
                JSONObject([
                    ("interval", "month"), ("interval_count", 1), ("meter", nil),
                    ("usage_type", "licensed"), ("trial_period_days", nil),
                ])
            ) : .null
        return templates.price.render([
            ("id", .string(price.id)),
            ("created", .int(created)),
            ("currency", .string(price.currency)),
            ("product", .string(price.productID)),
            ("recurring", recurring),
            ("type", .string(price.recurring ? "recurring" : "one_time")),
            ("unit_amount", .int(price.unitAmount)),
            ("unit_amount_decimal", .string(String(price.unitAmount))),
        ])
    }

    mutating func pickPrice(currency: String, recurring: Bool) -> GeneratedPrice {
        let matching = prices.filter { $0.currency == currency && $0.recurring == recurring }
        return random.pick(matching)
    }

    /// The customer's usual currency most of the time, so some customers pay in several.
    mutating func pickCurrency(for customer: GeneratedCustomer?) -> String {
        if let customer, random.chance(85) { return customer.primaryCurrency }
        return random.pick(Self.currencies)
    }

    /// Makes customer `number`, renders it, then makes its purchases.
    mutating func makeCustomerWithPurchases(_ number: Int) {
        let roll = random.int(in: 0...99)
        let rawEmail: String? =
            switch roll {
            case 0..<3: nil
            case 3..<13: "Customer\(number)@Example.com"
            case 13..<18: "  customer\(number)@example.com "
            default: "customer\(number)@example.com"
            }
        let currencyRoll = random.int(in: 0...99)
        let primary =
            currencyRoll < 50 ? "usd" : currencyRoll < 70 ? "eur" : currencyRoll < 85 ? "gbp" : "jpy"
        var customer = GeneratedCustomer(
            id: ids.make("cus_", &random), number: number, name: "Customer \(number)",
            rawEmail: rawEmail, primaryCurrency: primary, subscriptionID: nil
        )
        let purchaseRoll = random.int(in: 0...99)
        let purchaseCount = purchaseRoll < 20 ? 0 : purchaseRoll < 70 ? 1 : purchaseRoll < 90 ? 2 : 3
        var times: [Int64] = []
        for _ in 0..<purchaseCount { times.append(randomTime()) }
        times.sort()
        let first = times.first ?? randomTime()
        let created = max(epoch - 420 * Self.day, first - Int64(random.int(in: 0...(30 * 86_400))))
        let object = templates.customer.render([
            ("id", .string(customer.id)),
            ("created", .int(created)),
            ("currency", .string(primary)),
            ("email", .optional(rawEmail)),
            ("invoice_prefix", .string(GeneratorIDs.base62(UInt64(number) &* 7919, width: 8).uppercased())),
            ("name", .string(customer.name)),
        ])
        append(object, to: .customers)
        emitEvent("customer.created", created: created, object: object)
        for time in times {
            let kind = random.int(in: 0...99)
            switch kind {
            case 0..<35: makeOneOffPayment(for: customer, at: time)
            case 35..<65: makeInvoicePurchase(for: &customer, at: time)
            case 65..<85: makeCheckoutPayment(customer: customer, guestEmail: nil, at: time)
            default: makeCheckoutSubscription(for: &customer, at: time)
            }
        }
        customers.append(customer)
    }

    /// The emails a purchase's payment objects carry (billing details and receipt).
    mutating func paymentEmails(customer: GeneratedCustomer?, guestEmail: String?) -> PurchaseEmails {
        var emails = PurchaseEmails()
        emails.customer = customer?.rawEmail
        let known = customer?.rawEmail ?? guestEmail
        let number = customer?.number ?? random.int(in: 1...1_000_000)
        let billingRoll = random.int(in: 0...99)
        if let known {
            emails.billing =
                billingRoll < 60 ? known : billingRoll < 70 ? "billing\(number)@example.com" : nil
            emails.receipt = random.chance(50) ? known : nil
        } else {
            emails.billing = billingRoll < 40 ? "Billing\(number)@Example.com" : nil
            emails.receipt = random.chance(30) ? "receipt\(number)@example.com" : nil
        }
        return emails
    }
}
