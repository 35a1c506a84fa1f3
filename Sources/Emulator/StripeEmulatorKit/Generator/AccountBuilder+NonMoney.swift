/// Kind 6: objects that look like sales but moved no money.
extension AccountBuilder {
    mutating func makeNonMoneyPurchases() {
        makeProcessingIntent()
        makeFailedCharge()
        guard !customers.isEmpty else { return }
        makeFreeTrialCheckout()
        makeUnpaidInvoice(status: "open")
        makeUnpaidInvoice(status: "draft")
    }

    private mutating func unpaidIntent(amount: Int64, currency: String, customerID: String?, status: String)
        -> (id: String, overrides: [(String, JSONValue)])
    {
        let id = ids.make("pi_", &random)
        return (
            id,
            [
                ("id", .string(id)),
                ("amount", .int(amount)),
                ("amount_received", 0),
                ("client_secret", .string(id + "_secret_" + GeneratorIDs.base62(random.next(), width: 10))),
                ("created", .int(randomTime())),
                ("currency", .string(currency)),
                ("customer", .optional(customerID)),
                ("status", .string(status)),
            ]
        )
    }

    /// A PaymentIntent still processing (a bank debit, say), with no charge yet.
    private mutating func makeProcessingIntent() {
        let currency = random.pick(Self.currencies)
        let price = pickPrice(currency: currency, recurring: false)
        let intent = unpaidIntent(
            amount: price.unitAmount, currency: currency, customerID: nil, status: "processing")
        append(templates.paymentIntent.render(intent.overrides), to: .paymentIntents)
    }

    /// A declined card: the charge failed and the PaymentIntent wants another method.
    private mutating func makeFailedCharge() {
        let currency = random.pick(Self.currencies)
        let price = pickPrice(currency: currency, recurring: false)
        let chargeID = ids.make("ch_", &random)
        var intent = unpaidIntent(
            amount: price.unitAmount, currency: currency, customerID: nil, status: "requires_payment_method"
        )
        let created = intent.overrides.first { $0.0 == "created" }?.1 ?? .int(epoch)
        intent.overrides += [
            ("latest_charge", .string(chargeID)),
            (
                "last_payment_error",
                .object(
                    JSONObject([
                        ("charge", .string(chargeID)), ("code", "card_declined"),
                        ("decline_code", "generic_decline"),
                        ("message", "Your card was declined."), ("type", "card_error"),
                    ])
                )
            ),
        ]
        append(templates.paymentIntent.render(intent.overrides), to: .paymentIntents)
        let charge = templates.charge.render([
            ("id", .string(chargeID)),
            ("amount", .int(price.unitAmount)),
            ("amount_captured", 0),
            ("balance_transaction", nil),
            ("captured", false),
            ("created", created),
            ("currency", .string(currency)),
            ("failure_code", "card_declined"),
            ("failure_message", "Your card was declined."),
            (
                "outcome",
                .object(
                    JSONObject([
                        ("network_status", "declined_by_network"), ("reason", "generic_decline"),
                        ("risk_level", "normal"),
                        ("seller_message", "The bank did not return any further details."),
                        ("type", "issuer_declined"),
                    ])
                )
            ),
            ("paid", false),
            ("payment_intent", .string(intent.id)),
            ("receipt_url", nil),
            ("status", "failed"),
        ])
        append(charge, to: .charges)
    }

    /// A complete subscription session that needed no payment (a trial), with its $0 invoice.
    private mutating func makeFreeTrialCheckout() {
        let customer = random.pick(customers)
        let price = pickPrice(currency: customer.primaryCurrency, recurring: true)
        let subscriptionID = ids.make("sub_", &random)
        let time = randomTime()
        let invoice = renderInvoice(
            InvoiceSpec(
                customer: customer, price: price, quantity: 1, created: time, status: "paid", amountPaid: 0,
                paidAt: time, subscriptionID: subscriptionID, billingReason: "subscription_create",
                amountOverride: 0
            )
        )
        append(invoice, to: .invoices)
        let session = renderSession(
            SessionSpec(
                customerID: customer.id, email: customer.rawEmail ?? "trial\(customer.number)@example.com",
                name: customer.name, mode: "subscription", paymentStatus: "no_payment_required", amount: 0,
                currency: price.currency, created: time, invoiceID: invoice.id,
                subscriptionID: subscriptionID
            )
        )
        append(session, to: .checkoutSessions)
    }

    /// An open invoice (finalized, its default invoice payment still open) or a draft.
    private mutating func makeUnpaidInvoice(status: String) {
        let customer = random.pick(customers)
        let price = pickPrice(currency: customer.primaryCurrency, recurring: false)
        let invoice = renderInvoice(
            InvoiceSpec(
                customer: customer, price: price, quantity: 1, created: randomTime(), status: status,
                amountPaid: 0, paidAt: nil, subscriptionID: nil, billingReason: "manual"
            )
        )
        append(invoice, to: .invoices)
        guard status == "open" else { return }
        let intent = unpaidIntent(
            amount: price.unitAmount, currency: price.currency, customerID: customer.id,
            status: "requires_payment_method"
        )
        append(templates.paymentIntent.render(intent.overrides), to: .paymentIntents)
        append(
            renderInvoicePayment(
                invoice: invoice, amount: price.unitAmount, currency: price.currency,
                paymentIntentID: intent.id, paidAt: nil
            ),
            to: .invoicePayments
        )
    }
}
