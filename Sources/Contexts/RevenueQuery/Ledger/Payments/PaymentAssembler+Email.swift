extension PaymentAssembler {
    /// The first non-empty email, normalised, in this order: the held customer of the
    /// PaymentIntent, the charges, the invoices or the sessions (a deleted customer keeps its
    /// email); a session's `customer_details.email`; an invoice's `customer_email`; a charge's
    /// `billing_details.email`; the PaymentIntent's, then a charge's `receipt_email`.
    func email(_ evidence: PaymentEvidence) -> String? {
        let customerIds: [String?] =
            [evidence.paymentIntent?.customer]
            + evidence.charges.map(\.customer)
            + evidence.invoices.map(\.customer)
            + evidence.sessions.map(\.customer)
        let customerEmails = customerIds.lazy.map { id in
            id.flatMap { ledger.customers[$0]?.email }
        }
        let candidates: [[String?]] = [
            Array(customerEmails),
            evidence.sessions.map(\.customerDetailsEmail),
            evidence.invoices.map(\.customerEmail),
            evidence.charges.map(\.billingEmail),
            [evidence.paymentIntent?.receiptEmail] + evidence.charges.map(\.receiptEmail),
        ]
        for group in candidates {
            for candidate in group {
                if let email = EmailAddress.normalize(candidate) { return email }
            }
        }
        return nil
    }
}
