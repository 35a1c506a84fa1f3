/// Turns one account's Stripe facts into de-duplicated payments.
///
/// Payment key `K` per money-received source:
/// - a succeeded PaymentIntent → its id;
/// - a succeeded, captured Charge → `payment_intent ?? id`;
/// - a paid Invoice → `payment.payment_intent ?? payment.charge` of each of its paid
///   InvoicePayments of type payment_intent or charge; if there are none and `amount_paid > 0`,
///   the invoice id; otherwise nothing;
/// - a complete, paid, non-setup Checkout Session → its `payment_intent`, else its invoice's keys.
///
/// Partial data never counts twice: a key exists once however many sources reach it. An
/// InvoicePayment whose invoice is not held, or a session whose invoice is not held, adds no key
/// until that invoice arrives. A known gap of the rule: a paid invoice held without its
/// InvoicePayments is keyed by the invoice id, so its PaymentIntent, if also held, counts
/// separately until the InvoicePayment is synced.
struct PaymentAssembler {
    let ledger: AccountLedger
    /// Paid InvoicePayments by invoice id.
    private let paymentsByInvoice: [String: [InvoicePaymentFacts]]

    init(ledger: AccountLedger) {
        self.ledger = ledger
        var byInvoice: [String: [InvoicePaymentFacts]] = [:]
        for payment in ledger.invoicePayments.values where payment.paid {
            guard let invoice = payment.invoice else { continue }
            byInvoice[invoice, default: []].append(payment)
        }
        paymentsByInvoice = byInvoice
    }

    func payments() -> [Payment] {
        gatherEvidence()
            .values
            .map { evidence in
                var sorted = evidence
                sorted.sortById()
                return payment(from: sorted)
            }
            .sorted { $0.key < $1.key }
    }

    /// The keys a paid invoice stands for (rule 3), with the InvoicePayments behind each key.
    func invoiceKeys(_ invoice: InvoiceFacts) -> [(key: String, links: [InvoicePaymentFacts])] {
        guard invoice.paid else { return [] }
        var links: [String: [InvoicePaymentFacts]] = [:]
        for payment in paymentsByInvoice[invoice.id] ?? [] {
            guard let key = payment.paymentKey else { continue }
            links[key, default: []].append(payment)
        }
        if links.isEmpty {
            return invoice.amountPaid > 0 ? [(invoice.id, [])] : []
        }
        return links.map { (key: $0.key, links: $0.value) }
    }

    private func gatherEvidence() -> [String: PaymentEvidence] {
        var evidence: [String: PaymentEvidence] = [:]
        func add(_ key: String, _ update: (inout PaymentEvidence) -> Void) {
            update(&evidence[key, default: PaymentEvidence(key: key)])
        }
        for intent in ledger.paymentIntents.values where intent.succeeded {
            add(intent.id) { _ in }
        }
        for charge in ledger.charges.values where charge.receivedMoney {
            add(charge.paymentKey) { _ in }
        }
        for invoice in ledger.invoices.values {
            for (key, links) in invoiceKeys(invoice) {
                add(key) {
                    $0.invoices.append(invoice)
                    $0.invoicePayments.append(contentsOf: links)
                }
            }
        }
        for session in ledger.checkoutSessions.values where session.receivedMoney {
            for key in sessionKeys(session) {
                add(key) { $0.sessions.append(session) }
            }
        }
        attachCommonSources(to: &evidence)
        return evidence
    }

    private func sessionKeys(_ session: CheckoutSessionFacts) -> [String] {
        if let intent = session.paymentIntent { return [intent] }
        guard let id = session.invoice, let invoice = ledger.invoices[id] else { return [] }
        return invoiceKeys(invoice).map(\.key)
    }

    /// Adds, for keys that exist, the PaymentIntent, the succeeded charges and lost disputes.
    private func attachCommonSources(to evidence: inout [String: PaymentEvidence]) {
        for key in evidence.keys {
            evidence[key]?.paymentIntent = ledger.paymentIntents[key]
        }
        for charge in ledger.charges.values where charge.succeeded {
            evidence[charge.paymentKey]?.charges.append(charge)
        }
        for dispute in ledger.disputes.values where dispute.lost {
            evidence[disputeKey(dispute)]?.lostDisputes.append(dispute)
        }
    }

    /// The payment a dispute is against: its PaymentIntent, else its charge's key.
    private func disputeKey(_ dispute: DisputeFacts) -> String {
        if let intent = dispute.paymentIntent { return intent }
        guard let chargeId = dispute.charge else { return dispute.id }
        return ledger.charges[chargeId]?.paymentKey ?? chargeId
    }
}
