extension AccountLedger {
    /// The payment keys whose payment may change when these facts are stored or dropped.
    ///
    /// Call it with the held version before a change and with the new version after it, and
    /// recompute the union (customers excepted: their payments are found through the roll-up's
    /// customer links). An id that is no payment key does no harm; `payments(forKeys:)` skips it.
    public func affectedKeys(of facts: StripeObjectFacts) -> Set<String> {
        var keys: Set<String> = []
        func add(_ key: String?) {
            if let key, !key.isEmpty { keys.insert(key) }
        }
        switch facts {
        case .customer, .refund: break
        case .paymentIntent(let intent): add(intent.id)
        case .charge(let charge):
            add(charge.paymentKey)
            add(charge.id)
        case .invoice(let invoice): addInvoiceKeys(invoice.id, to: &keys)
        case .invoicePayment(let payment):
            add(payment.paymentIntent ?? payment.charge)
            add(payment.invoice)
        case .checkoutSession(let session):
            add(session.paymentIntent)
            if let invoice = session.invoice { addInvoiceKeys(invoice, to: &keys) }
        case .dispute(let dispute):
            add(dispute.paymentIntent)
            add(dispute.charge)
            add(dispute.charge.flatMap { charges[$0]?.paymentKey })
        }
        return keys
    }

    /// Every key an invoice may stand for: its own id and what its InvoicePayments point at.
    private func addInvoiceKeys(_ invoiceID: String, to keys: inout Set<String>) {
        keys.insert(invoiceID)
        for paymentID in links.invoicePaymentsByInvoice[invoiceID] {
            guard let payment = invoicePayments[paymentID] else { continue }
            if let key = payment.paymentIntent ?? payment.charge { keys.insert(key) }
        }
    }

    /// The payments of these keys, exactly as `payments()` would give them, computed from only
    /// the objects linked to the keys. Keys that are no payment are left out.
    public func payments(forKeys keys: some Sequence<String>) -> [String: Payment] {
        var wanted: Set<String> = []
        var slice = AccountLedger()
        for key in keys where wanted.insert(key).inserted {
            gatherSources(of: key, into: &slice)
        }
        var result: [String: Payment] = [:]
        for payment in slice.payments() where wanted.contains(payment.key) {
            result[payment.key] = payment
        }
        return result
    }

    /// Copies into `slice` every object the payment of `key` is assembled from.
    private func gatherSources(of key: String, into slice: inout AccountLedger) {
        func copy(_ type: String, _ id: String) {
            guard slice.held(type: type, id: id) == nil, let facts = held(type: type, id: id) else { return }
            slice.upsert(facts)
        }
        copy("payment_intent", key)
        var chargeIDs = links.chargesByKey[key]
        if charges[key] != nil { chargeIDs.append(key) }
        for charge in chargeIDs {
            copy("charge", charge)
            links.disputesByCharge[charge].forEach { copy("dispute", $0) }
        }
        links.disputesByCharge[key].forEach { copy("dispute", $0) }
        links.disputesByIntent[key].forEach { copy("dispute", $0) }
        var invoiceIDs = links.invoicePaymentsByKey[key].compactMap { invoicePayments[$0]?.invoice }
        invoiceIDs.append(key)
        for invoice in invoiceIDs where invoices[invoice] != nil {
            copy("invoice", invoice)
            links.invoicePaymentsByInvoice[invoice].forEach { copy("invoice_payment", $0) }
            links.sessionsByInvoice[invoice].forEach { copy("checkout.session", $0) }
        }
        links.sessionsByIntent[key].forEach { copy("checkout.session", $0) }
        for customer in slice.referencedCustomers() { copy("customer", customer) }
    }

    /// Customer ids named by the held PaymentIntents, charges, invoices and sessions.
    func referencedCustomers() -> Set<String> {
        var ids: Set<String> = []
        paymentIntents.values.forEach { if let id = $0.customer { ids.insert(id) } }
        charges.values.forEach { if let id = $0.customer { ids.insert(id) } }
        invoices.values.forEach { if let id = $0.customer { ids.insert(id) } }
        checkoutSessions.values.forEach { if let id = $0.customer { ids.insert(id) } }
        return ids
    }

    /// The customers a payment's email may come from.
    public func customerIDs(of payment: Payment) -> Set<String> {
        var ids: Set<String> = []
        let sources = payment.sources
        if let id = sources.paymentIntent.flatMap({ paymentIntents[$0]?.customer }) { ids.insert(id) }
        sources.charges.forEach { if let id = charges[$0]?.customer { ids.insert(id) } }
        sources.invoices.forEach { if let id = invoices[$0]?.customer { ids.insert(id) } }
        sources.checkoutSessions.forEach { if let id = checkoutSessions[$0]?.customer { ids.insert(id) } }
        return ids
    }

    /// Ids of the customers whose (normalised) email is this one, deleted ones included.
    public func customerIDs(withEmail email: String) -> [String] {
        links.customersByEmail[email].sorted()
    }
}
