extension PaymentAssembler {
    /// The payment for gathered evidence.
    ///
    /// `gross` prefers the succeeded PaymentIntent's `amount_received`, then the captured
    /// charges' `amount_captured`, then the invoice's `amount_paid` for an invoice-id key. While
    /// those objects are not synced yet it falls back to the InvoicePayments' `amount_paid`, then
    /// to the session's `amount_total`, so a partly synced payment is not shown as zero.
    /// `refunded` sums `amount_refunded` over the succeeded charges. Partial capture is not
    /// special-cased: if Stripe counted a released remainder in `amount_refunded`, it would show
    /// here as refunded; verify against a test-mode partial capture before relying on it.
    func payment(from evidence: PaymentEvidence) -> Payment {
        let (gross, grossCurrency) = grossAmount(evidence)
        return Payment(
            key: evidence.key,
            currency: (grossCurrency ?? anyCurrency(evidence) ?? "").lowercased(),
            gross: gross,
            refunded: evidence.charges.sumOfAmounts(\.amountRefunded),
            disputedLost: evidence.lostDisputes.sumOfAmounts(\.amount),
            email: email(evidence),
            time: time(evidence),
            sources: evidence.sources
        )
    }

    private func grossAmount(_ evidence: PaymentEvidence) -> (Int64, String?) {
        if let intent = evidence.paymentIntent, intent.succeeded {
            return (intent.amountReceived, intent.currency)
        }
        let captured = evidence.charges.filter(\.receivedMoney)
        if let first = captured.first {
            return (captured.sumOfAmounts(\.amountCaptured), first.currency)
        }
        if let invoice = evidence.invoices.first(where: { $0.id == evidence.key }) {
            return (invoice.amountPaid, invoice.currency)
        }
        if let first = evidence.invoicePayments.first {
            return (evidence.invoicePayments.sumOfAmounts { $0.amountPaid ?? 0 }, first.currency)
        }
        if let session = evidence.sessions.first {
            return (session.amountTotal ?? 0, session.currency)
        }
        return (0, nil)
    }

    private func anyCurrency(_ evidence: PaymentEvidence) -> String? {
        let candidates: [String?] =
            [evidence.paymentIntent?.currency]
            + evidence.charges.map(\.currency)
            + evidence.invoices.map(\.currency)
            + evidence.invoicePayments.map(\.currency)
            + evidence.sessions.map(\.currency)
        return candidates.lazy.compactMap { $0 }.first { !$0.isEmpty }
    }

    /// The created time of the succeeded charge (the PaymentIntent's latest charge first), else
    /// the PaymentIntent's, else the earliest invoice `paid_at`, else the earliest session's,
    /// else the earliest InvoicePayment `paid_at`.
    func time(_ evidence: PaymentEvidence) -> Int64? {
        let captured = evidence.charges.filter(\.receivedMoney)
        let latest = captured.first { $0.id == evidence.paymentIntent?.latestCharge }
        if let created = latest?.created ?? captured.compactMap(\.created).min() {
            return created
        }
        return evidence.paymentIntent?.created
            ?? evidence.invoices.compactMap(\.paidAt).min()
            ?? evidence.sessions.compactMap(\.created).min()
            ?? evidence.invoicePayments.compactMap(\.paidAt).min()
    }
}
