/// Checkout Sessions: kind 3 (payment mode, customer or guest) and kind 4 (subscription mode).
extension AccountBuilder {
    /// What a session should say; `customer` is nil for guests.
    struct SessionSpec {
        var customerID: String?
        var email: String?
        var name: String?
        var mode: String
        var paymentStatus: String
        var amount: Int64
        var currency: String
        var created: Int64
        var paymentIntentID: String?
        var invoiceID: String?
        var subscriptionID: String?
    }

    /// What Stripe returns for a session listed with `expand[]=data.line_items`: one line for
    /// the whole amount.
    static func lineItems(sessionID: String, spec: SessionSpec) -> JSONValue {
        let item = JSONObject([
            ("id", .string("li_" + sessionID.dropFirst(8))),
            ("object", "item"),
            ("amount_discount", 0),
            ("amount_subtotal", .int(spec.amount)),
            ("amount_tax", 0),
            ("amount_total", .int(spec.amount)),
            ("currency", .string(spec.currency)),
            ("description", .string(spec.mode == "subscription" ? "Subscription" : "Order")),
            ("price", nil),
            ("quantity", 1),
        ])
        return .object(
            JSONObject([
                ("object", "list"), ("data", .array([.object(item)])), ("has_more", false),
                ("url", .string("/v1/checkout/sessions/\(sessionID)/line_items")),
            ]))
    }

    mutating func renderSession(_ spec: SessionSpec) -> StoredObject {
        let sessionID = "cs_test_" + ids.make("", &random) + GeneratorIDs.base62(random.next(), width: 10)
        let invoiceCreation: JSONValue =
            spec.mode == "payment"
            ? .object(
                JSONObject([
                    ("enabled", false),
                    (
                        "invoice_data",
                        templates.checkoutSession.base["invoice_creation"]?["invoice_data"] ?? .null
                    ),
                ])
            ) : .null
        return templates.checkoutSession.render([
            ("id", .string(sessionID)),
            ("amount_subtotal", .int(spec.amount)),
            ("amount_total", .int(spec.amount)),
            ("cancel_url", .string("https://demo-shop-\(accountIndex + 1).example/cancel")),
            ("created", .int(spec.created)),
            ("currency", .string(spec.currency)),
            ("customer", .optional(spec.customerID)),
            ("customer_creation", spec.customerID == nil ? "if_required" : .null),
            (
                "customer_details",
                .object(
                    JSONObject([
                        ("address", Self.noAddress), ("email", .optional(spec.email)),
                        ("name", .optional(spec.name)),
                        ("phone", nil), ("tax_exempt", "none"), ("tax_ids", .array([])),
                        ("business_name", nil), ("individual_name", nil),
                    ])
                )
            ),
            ("expires_at", .int(spec.created + Self.day)),
            ("invoice", .optional(spec.invoiceID)),
            ("invoice_creation", invoiceCreation),
            ("line_items", Self.lineItems(sessionID: sessionID, spec: spec)),
            ("mode", .string(spec.mode)),
            ("payment_intent", .optional(spec.paymentIntentID)),
            ("payment_status", .string(spec.paymentStatus)),
            ("status", "complete"),
            ("subscription", .optional(spec.subscriptionID)),
            ("success_url", .string("https://demo-shop-\(accountIndex + 1).example/success")),
        ])
    }

    /// Kind 3: a payment-mode session paid by a customer or a guest (`guestEmail`).
    mutating func makeCheckoutPayment(customer: GeneratedCustomer?, guestEmail: String?, at time: Int64) {
        let currency = pickCurrency(for: customer)
        let price = pickPrice(currency: currency, recurring: false)
        let amount = price.unitAmount * Int64(random.int(in: 1...3))
        var emails = paymentEmails(customer: customer, guestEmail: guestEmail)
        emails.session = customer.map { $0.rawEmail ?? "checkout\($0.number)@example.com" } ?? guestEmail
        let sessionCreated = max(epoch - 401 * Self.day, time - Int64(random.int(in: 30...900)))
        let name = customer?.name
        let payment = collect(
            amount: amount, currency: currency, customerID: customer?.id, created: time,
            emails: emails, name: name, description: price.productName
        )
        let session = renderSession(
            SessionSpec(
                customerID: customer?.id, email: emails.session, name: name, mode: "payment",
                paymentStatus: "paid", amount: amount, currency: currency, created: sessionCreated,
                paymentIntentID: payment.paymentIntentID
            )
        )
        append(session, to: .checkoutSessions)
        emitEvent("checkout.session.completed", created: time, object: session)
        record(payment, amount: amount, currency: currency, emails: emails)
    }

    /// Kind 4: a subscription-mode session; the money is on its first invoice.
    mutating func makeCheckoutSubscription(for customer: inout GeneratedCustomer, at time: Int64) {
        let currency = pickCurrency(for: customer)
        let price = pickPrice(currency: currency, recurring: true)
        let subscriptionID = ids.make("sub_", &random)
        customer.subscriptionID = subscriptionID
        var emails = paymentEmails(customer: customer, guestEmail: nil)
        emails.session = customer.rawEmail ?? "checkout\(customer.number)@example.com"
        emails.invoice = customer.rawEmail
        let sessionCreated = max(epoch - 401 * Self.day, time - Int64(random.int(in: 30...900)))
        let invoice = makePaidInvoice(
            for: customer, price: price, quantity: 1, at: time, subscriptionID: subscriptionID,
            billingReason: "subscription_create", emails: emails
        )
        let session = renderSession(
            SessionSpec(
                customerID: customer.id, email: emails.session, name: customer.name, mode: "subscription",
                paymentStatus: "paid", amount: price.unitAmount, currency: currency,
                created: sessionCreated,
                invoiceID: invoice.id, subscriptionID: subscriptionID
            )
        )
        append(session, to: .checkoutSessions)
        emitEvent("checkout.session.completed", created: time, object: session)
    }

    /// A guest checkout; three in ten reuse a customer's email in another spelling.
    mutating func makeGuestCheckout() {
        let time = randomTime()
        let roll = random.int(in: 0...99)
        let email: String
        if roll < 30, customerCount > 0 {
            email = "CUSTOMER\(random.int(in: 1...customerCount))@EXAMPLE.COM"
        } else {
            let number = random.int(in: 1...1_000_000)
            email = roll < 40 ? " Guest\(number)@Example.com" : "guest\(number)@example.com"
        }
        makeCheckoutPayment(customer: nil, guestEmail: email, at: time)
    }
}
