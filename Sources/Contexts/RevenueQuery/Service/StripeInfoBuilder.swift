import Contracts

/// The contact-history detail of one email: its customers, each payment once with what
/// describes it, and the invoices and checkout sessions behind those payments with what each
/// sold, line by line.
enum StripeInfoBuilder {
    /// - Parameters:
    ///   - keys: the payment keys attributed to the email.
    ///   - ledger: the objects those payments are assembled from.
    static func info(
        summary: RevenueV1.EmailSummary, customers: [CustomerFacts], keys: Set<String>, ledger: AccountLedger
    ) -> RevenueV1.StripeInfoByEmailResponse {
        let customers = customers.map {
            RevenueV1.CustomerInfo(customerId: $0.id, name: $0.name ?? "", deleted: $0.deleted)
        }
        let payments = ledger.payments().filter { keys.contains($0.key) }
            .sorted { ($0.time ?? .min, $0.key) > ($1.time ?? .min, $1.key) }
        let invoiceIDs = Set(payments.flatMap(\.sources.invoices)).sorted()
        let sessionIDs = Set(payments.flatMap(\.sources.checkoutSessions)).sorted()
        return RevenueV1.StripeInfoByEmailResponse(
            connected: true,
            summary: summary,
            customers: customers,
            payments: payments.map(paymentInfo),
            invoices: invoiceIDs.compactMap { ledger.invoices[$0].map(invoiceInfo) },
            checkoutSessions: sessionIDs.compactMap { ledger.checkoutSessions[$0].map(sessionInfo) }
        )
    }

    private static func paymentInfo(_ payment: Payment) -> RevenueV1.PaymentInfo {
        RevenueV1.PaymentInfo(
            paymentKey: payment.key,
            currency: payment.currency,
            gross: payment.gross,
            refunded: payment.refunded,
            disputedLost: payment.disputedLost,
            net: payment.net,
            netDisplay: Money.display(amount: payment.net, currency: payment.currency),
            created: payment.time ?? 0,
            isOrder: payment.isOrder,
            chargeIds: payment.sources.charges,
            invoiceIds: payment.sources.invoices,
            checkoutSessionIds: payment.sources.checkoutSessions
        )
    }

    private static func invoiceInfo(_ invoice: InvoiceFacts) -> RevenueV1.InvoiceInfo {
        RevenueV1.InvoiceInfo(
            invoiceId: invoice.id,
            amountPaid: invoice.amountPaid,
            currency: invoice.currency ?? "",
            paidAt: invoice.paidAt ?? 0,
            subscriptionId: invoice.subscription ?? "",
            lineItems: invoice.lineItems.map(lineItem)
        )
    }

    private static func sessionInfo(_ session: CheckoutSessionFacts) -> RevenueV1.CheckoutSessionInfo {
        RevenueV1.CheckoutSessionInfo(
            sessionId: session.id,
            mode: session.mode ?? "",
            amountTotal: session.amountTotal ?? 0,
            currency: session.currency ?? "",
            created: session.created ?? 0,
            lineItems: session.lineItems.map(lineItem)
        )
    }

    private static func lineItem(_ item: LineItemFacts) -> RevenueV1.LineItem {
        RevenueV1.LineItem(
            description: item.description ?? "",
            quantity: item.quantity,
            amountTotal: item.amount,
            currency: item.currency ?? "",
            priceId: item.priceID ?? "",
            productId: item.productID ?? ""
        )
    }
}
