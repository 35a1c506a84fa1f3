/// A succeeded PaymentIntent with its charge, and what later happened to the money.
struct CollectedPayment {
    let paymentIntentID: String
    let chargeID: String
    let chargeCreated: Int64
    let refunded: Int64
    let disputedLost: Int64
}

extension AccountBuilder {
    static let noAddress = JSONValue.object(
        JSONObject([
            ("city", nil), ("country", nil), ("line1", nil), ("line2", nil), ("postal_code", nil),
            ("state", nil),
        ])
    )

    /// Makes the PaymentIntent and charge that collect `amount`, then maybe refunds (about 8%)
    /// or disputes (2%, three in four lost) the charge.
    mutating func collect(
        amount: Int64, currency: String, customerID: String?, created: Int64,
        emails: PurchaseEmails, name: String?, description: String
    ) -> CollectedPayment {
        let intentID = ids.make("pi_", &random)
        let chargeID = ids.make("ch_", &random)
        let methodID = ids.make("pm_", &random)
        let chargeCreated = random.chance(50) ? created : min(epoch, created + 1)
        let outcome = random.int(in: 0...999)
        var refunds: [StoredObject] = []
        var refunded: Int64 = 0
        if outcome < 80 {
            refunded = outcome < 40 || amount < 2 ? amount : Int64(random.int(in: 1...Int(amount - 1)))
            let parts: [Int64] =
                refunded >= 2 && random.chance(30) ? [refunded / 2, refunded - refunded / 2] : [refunded]
            for part in parts {
                refunds.append(
                    templates.refund.render([
                        ("id", .string(ids.make("re_", &random))),
                        ("amount", .int(part)),
                        ("balance_transaction", .string(ids.make("txn_", &random))),
                        ("charge", .string(chargeID)),
                        ("created", .int(later(chargeCreated, by: 3600...(20 * 86_400)))),
                        ("currency", .string(currency)),
                        ("payment_intent", .string(intentID)),
                        ("payment_method", .string(methodID)),
                    ])
                )
            }
        }
        var dispute: StoredObject?
        var disputedLost: Int64 = 0
        if (80..<100).contains(outcome) {
            let lost = outcome < 95
            disputedLost = lost ? amount : 0
            let disputeCreated = later(chargeCreated, by: 86_400...(30 * 86_400))
            dispute = templates.dispute.render([
                ("id", .string(ids.make("dp_", &random))),
                ("amount", .int(amount)),
                ("charge", .string(chargeID)),
                ("created", .int(disputeCreated)),
                ("currency", .string(currency)),
                (
                    "evidence_details",
                    .object(
                        JSONObject([
                            ("due_by", .int(disputeCreated + 7 * Self.day)), ("has_evidence", true),
                            ("past_due", false), ("submission_count", 1),
                            ("enhanced_eligibility", .object(JSONObject())),
                        ])
                    )
                ),
                ("payment_intent", .string(intentID)),
                ("reason", lost ? "fraudulent" : "product_not_received"),
                ("status", lost ? "lost" : "won"),
            ])
        }
        let charge = templates.charge.render([
            ("id", .string(chargeID)),
            ("amount", .int(amount)),
            ("amount_captured", .int(amount)),
            ("amount_refunded", .int(refunded)),
            ("balance_transaction", .string(ids.make("txn_", &random))),
            (
                "billing_details",
                .object(
                    JSONObject([
                        ("address", Self.noAddress), ("email", .optional(emails.billing)),
                        ("name", .optional(name)), ("phone", nil), ("tax_id", nil),
                    ])
                )
            ),
            ("captured", true),
            ("created", .int(chargeCreated)),
            ("currency", .string(currency)),
            ("customer", .optional(customerID)),
            ("description", .string(description)),
            ("disputed", .bool(dispute != nil)),
            ("paid", true),
            ("payment_intent", .string(intentID)),
            ("payment_method", .string(methodID)),
            ("receipt_email", .optional(emails.receipt)),
            ("receipt_url", .string("https://pay.stripe.com/receipts/payment/\(chargeID)")),
            ("refunded", .bool(refunded == amount)),
            (
                "refunds",
                .object(
                    JSONObject([
                        ("data", .array(refunds.map { .encoded($0.bytes) })), ("has_more", false),
                        ("object", "list"), ("url", .string("/v1/charges/\(chargeID)/refunds")),
                    ])
                )
            ),
            ("status", "succeeded"),
        ])
        let intent = templates.paymentIntent.render([
            ("id", .string(intentID)),
            ("amount", .int(amount)),
            ("amount_received", .int(amount)),
            (
                "client_secret",
                .string(intentID + "_secret_" + GeneratorIDs.base62(random.next(), width: 10))
            ),
            ("created", .int(created)),
            ("currency", .string(currency)),
            ("customer", .optional(customerID)),
            ("description", .string(description)),
            ("latest_charge", .string(chargeID)),
            ("payment_method", .string(methodID)),
            ("receipt_email", .optional(emails.receipt)),
            ("status", "succeeded"),
        ])
        append(intent, to: .paymentIntents)
        append(charge, to: .charges)
        emitEvent("payment_intent.succeeded", created: created, object: intent)
        emitEvent("charge.succeeded", created: chargeCreated, object: charge)
        for refund in refunds {
            append(refund, to: .refunds)
            emitEvent("charge.refunded", created: refund.created, object: charge)
        }
        if let dispute {
            append(dispute, to: .disputes)
            emitEvent("charge.dispute.closed", created: dispute.created, object: dispute)
        }
        return CollectedPayment(
            paymentIntentID: intentID, chargeID: chargeID, chargeCreated: chargeCreated,
            refunded: refunded, disputedLost: disputedLost
        )
    }

    /// Books a purchase that moved money.
    mutating func record(
        _ payment: CollectedPayment, amount: Int64, currency: String, emails: PurchaseEmails
    ) {
        records.append(
            PurchaseRecord(
                account: accountID, currency: currency, collected: amount, refunded: payment.refunded,
                disputedLost: payment.disputedLost, buyerEmail: emails.buyer,
                chargeCreated: payment.chargeCreated
            )
        )
    }

    /// Kind 1: a PaymentIntent and charge, nothing else.
    mutating func makeOneOffPayment(for customer: GeneratedCustomer, at time: Int64) {
        let currency = pickCurrency(for: customer)
        let price = pickPrice(currency: currency, recurring: false)
        let amount = price.unitAmount * Int64(random.int(in: 1...3))
        let emails = paymentEmails(customer: customer, guestEmail: nil)
        let payment = collect(
            amount: amount, currency: currency, customerID: customer.id, created: time,
            emails: emails, name: customer.name, description: price.productName
        )
        record(payment, amount: amount, currency: currency, emails: emails)
    }
}
