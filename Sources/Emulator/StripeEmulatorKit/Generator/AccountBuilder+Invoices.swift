/// Invoices, invoice payments and kind 2 (a paid invoice).
extension AccountBuilder {
    mutating func renderInvoice(_ spec: InvoiceSpec) -> StoredObject {
        let invoiceID = ids.make("in_", &random)
        let amount = spec.amount
        let finalized = spec.status == "draft" ? nil : Optional(spec.created)
        invoiceNumber += 1
        let periodEnd = spec.subscriptionID == nil ? spec.created : spec.created + 30 * Self.day
        let parent: JSONValue =
            spec.subscriptionID.map { subscription in
                .object(
                    JSONObject([
                        ("quote_details", nil),
                        (
                            "subscription_details",
                            .object(
                                JSONObject([
                                    ("metadata", .object(JSONObject())),
                                    ("subscription", .string(subscription)),
                                ]))
                        ),
                        ("type", "subscription_details"),
                    ])
                )
            } ?? .null
        let line = renderInvoiceLine(spec, invoiceID: invoiceID, amount: amount, periodEnd: periodEnd)
        return templates.invoice.render([
            ("id", .string(invoiceID)),
            ("account_name", .string(businessName)),
            ("amount_due", .int(amount)),
            ("amount_paid", .int(spec.amountPaid)),
            ("amount_remaining", .int(spec.status == "paid" ? 0 : amount)),
            ("attempt_count", .int(spec.status == "paid" ? 1 : 0)),
            ("attempted", .bool(spec.status == "paid")),
            ("automatically_finalizes_at", spec.status == "draft" ? .int(spec.created + 3600) : .null),
            ("billing_reason", .string(spec.billingReason)),
            ("created", .int(spec.created)),
            ("currency", .string(spec.price.currency)),
            ("customer", .string(spec.customer.id)),
            ("customer_email", .optional(spec.customer.rawEmail)),
            ("customer_name", .string(spec.customer.name)),
            ("effective_at", finalized.map { .int($0) } ?? .null),
            (
                "hosted_invoice_url",
                finalized == nil ? .null : .string("https://invoice.stripe.com/i/\(invoiceID)")
            ),
            (
                "invoice_pdf",
                finalized == nil ? .null : .string("https://pay.stripe.com/invoice/\(invoiceID)/pdf")
            ),
            (
                "lines",
                .object(
                    JSONObject([
                        ("data", .array([.object(line)])), ("has_more", false), ("object", "list"),
                        ("url", .string("/v1/invoices/\(invoiceID)/lines")),
                    ])
                )
            ),
            ("livemode", false),
            ("number", finalized == nil ? .null : .string("DEMO\(accountIndex + 1)-\(invoiceNumber)")),
            ("parent", parent),
            ("period_end", .int(periodEnd)),
            ("period_start", .int(spec.created)),
            ("status", .string(spec.status)),
            (
                "status_transitions",
                .object(
                    JSONObject([
                        ("finalized_at", finalized.map { .int($0) } ?? .null),
                        ("marked_uncollectible_at", nil),
                        ("paid_at", spec.paidAt.map { .int($0) } ?? .null), ("voided_at", nil),
                    ])
                )
            ),
            ("subtotal", .int(amount)),
            ("subtotal_excluding_tax", .int(amount)),
            ("total", .int(amount)),
            ("total_excluding_tax", .int(amount)),
            ("total_pretax_credit_amounts", .array([])),
            ("total_taxes", .array([])),
            ("webhooks_delivered_at", .int(spec.created)),
        ])
    }

    private mutating func renderInvoiceLine(
        _ spec: InvoiceSpec, invoiceID: String, amount: Int64, periodEnd: Int64
    ) -> JSONObject {
        var line = templates.invoiceLine
        let noProration = JSONValue.object(JSONObject([("credited_items", nil)]))
        line["id"] = .string(ids.make("il_", &random))
        line["amount"] = .int(amount)
        line["currency"] = .string(spec.price.currency)
        line["description"] = .string("\(spec.quantity) × \(spec.price.productName)")
        line["invoice"] = .string(invoiceID)
        line["livemode"] = false
        line["period"] = .object(JSONObject([("end", .int(periodEnd)), ("start", .int(spec.created))]))
        line["quantity"] = .int(spec.quantity)
        line["subscription"] = .optional(spec.subscriptionID)
        line["subtotal"] = .int(amount)
        line["pretax_credit_amounts"] = .array([])
        line["taxes"] = .array([])
        line["pricing"] = .object(
            JSONObject([
                (
                    "price_details",
                    .object(
                        JSONObject([
                            ("price", .string(spec.price.id)), ("product", .string(spec.price.productID)),
                        ]))
                ),
                ("type", "price_details"),
                ("unit_amount_decimal", .string(String(spec.price.unitAmount))),
            ])
        )
        if let subscription = spec.subscriptionID {
            line["parent"] = .object(
                JSONObject([
                    ("invoice_item_details", nil),
                    (
                        "subscription_item_details",
                        .object(
                            JSONObject([
                                ("invoice_item", nil), ("proration", false),
                                ("proration_details", noProration),
                                ("subscription", .string(subscription)),
                                ("subscription_item", .string(ids.make("si_", &random))),
                            ])
                        )
                    ),
                    ("type", "subscription_item_details"),
                ])
            )
        } else {
            line["parent"] = .object(
                JSONObject([
                    (
                        "invoice_item_details",
                        .object(
                            JSONObject([
                                ("invoice_item", .string(ids.make("ii_", &random))), ("proration", false),
                                ("proration_details", noProration), ("subscription", nil),
                            ])
                        )
                    ),
                    ("subscription_item_details", nil),
                    ("type", "invoice_item_details"),
                ])
            )
        }
        return line
    }

    mutating func renderInvoicePayment(
        invoice: StoredObject, amount: Int64, currency: String, paymentIntentID: String, paidAt: Int64?
    ) -> StoredObject {
        templates.invoicePayment.render([
            ("id", .string(ids.make("inpay_", &random))),
            ("amount_paid", paidAt == nil ? .null : .int(amount)),
            ("amount_requested", .int(amount)),
            ("created", .int(invoice.created)),
            ("currency", .string(currency)),
            ("invoice", .string(invoice.id)),
            ("is_default", true),
            ("livemode", false),
            (
                "payment",
                .object(
                    JSONObject([("payment_intent", .string(paymentIntentID)), ("type", "payment_intent")]))
            ),
            ("status", paidAt == nil ? "open" : "paid"),
            (
                "status_transitions",
                .object(JSONObject([("canceled_at", nil), ("paid_at", paidAt.map { .int($0) } ?? .null)]))
            ),
        ])
    }

    /// A paid invoice with its invoice payment, PaymentIntent and charge. Returns the invoice.
    @discardableResult
    mutating func makePaidInvoice(
        for customer: GeneratedCustomer, price: GeneratedPrice, quantity: Int64, at time: Int64,
        subscriptionID: String?, billingReason: String, emails: PurchaseEmails
    ) -> StoredObject {
        let amount = price.unitAmount * quantity
        let invoiceCreated = max(epoch - 401 * Self.day, time - Int64(random.int(in: 0...3600)))
        let payment = collect(
            amount: amount, currency: price.currency, customerID: customer.id, created: time,
            emails: emails, name: customer.name,
            description: subscriptionID == nil ? "Payment for Invoice" : "Subscription update"
        )
        let invoice = renderInvoice(
            InvoiceSpec(
                customer: customer, price: price, quantity: quantity, created: invoiceCreated,
                status: "paid",
                amountPaid: amount, paidAt: payment.chargeCreated, subscriptionID: subscriptionID,
                billingReason: billingReason
            )
        )
        let invoicePayment = renderInvoicePayment(
            invoice: invoice, amount: amount, currency: price.currency,
            paymentIntentID: payment.paymentIntentID, paidAt: payment.chargeCreated
        )
        append(invoice, to: .invoices)
        append(invoicePayment, to: .invoicePayments)
        emitEvent("invoice.paid", created: payment.chargeCreated, object: invoice)
        emitEvent("invoice_payment.paid", created: payment.chargeCreated, object: invoicePayment)
        record(payment, amount: amount, currency: price.currency, emails: emails)
        return invoice
    }

    /// Kind 2: an invoice paid through a PaymentIntent; seven in ten belong to a subscription.
    mutating func makeInvoicePurchase(for customer: inout GeneratedCustomer, at time: Int64) {
        let subscribed = random.chance(70)
        let currency = pickCurrency(for: customer)
        let price = pickPrice(currency: currency, recurring: subscribed)
        let quantity = subscribed ? 1 : Int64(random.int(in: 1...3))
        var subscriptionID: String?
        var reason = "manual"
        if subscribed {
            reason = customer.subscriptionID == nil ? "subscription_create" : "subscription_cycle"
            let subscription = customer.subscriptionID ?? ids.make("sub_", &random)
            customer.subscriptionID = subscription
            subscriptionID = subscription
        }
        var emails = paymentEmails(customer: customer, guestEmail: nil)
        emails.invoice = customer.rawEmail
        makePaidInvoice(
            for: customer, price: price, quantity: quantity, at: time, subscriptionID: subscriptionID,
            billingReason: reason, emails: emails
        )
    }
}
