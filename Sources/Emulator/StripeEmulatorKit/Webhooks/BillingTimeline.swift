/// Plays a `BillingLifecycle` forward and collects the events Stripe would send, in order.
///
/// Events of one step share their `created` second, as Stripe's often do: the onboarding,
/// a change a minute after the previous step, a renewal at the period's end. It models one
/// per-seat item, no prorations (Stripe's default adds them to the next invoice) and no
/// payment objects (payment intents and charges are not emitted).
struct BillingTimeline {
    private(set) var events: [JSONObject] = []
    private(set) var subscription: TenantSubscriptionState
    private(set) var invoices: [TenantInvoiceState] = []
    private(set) var session: JSONObject
    let customer: JSONObject
    private var clock: Int64
    private let makeID: (String, Int) -> String

    /// - Parameters:
    ///   - baseSession: the stored session to complete, or nil for a new one.
    ///   - makeID: a fresh id for a prefix and a length.
    init(
        tenantID: String, priceID: String, quantity: Int64, lifecycle: BillingLifecycle,
        start: Int64, baseSession: JSONObject?, makeID: @escaping (String, Int) -> String
    ) {
        self.makeID = makeID
        clock = start
        subscription = TenantSubscriptionState(
            id: makeID("sub_", 24), itemID: makeID("si_", 14), customerID: makeID("cus_", 14),
            tenantID: tenantID, created: start, priceID: priceID, quantity: quantity,
            currency: lifecycle.currency, unitAmount: lifecycle.unitAmount,
            periodStart: start, periodEnd: start + TenantSubscriptionState.periodSeconds)
        customer = BillingEventShapes.customer(
            id: subscription.customerID, tenantID: tenantID, created: start)
        session = baseSession ?? BillingEventShapes.openSession(id: makeID("cs_test_", 40), created: start)
    }

    /// The onboarding checkout: customer, incomplete subscription, first invoice, payment.
    mutating func onboard(_ payment: BillingLifecycle.Payment) {
        emit("customer.created", customer)
        let first = openInvoice(reason: "subscription_create")
        emit("customer.subscription.created", subscription.json)
        emit("invoice.finalized", invoices[first].json)
        switch payment {
        case .card:
            pay(first)
            setStatus("active")
            completeCheckout("checkout.session.completed", paymentStatus: "paid")
        case .delayed, .delayedFailed:
            completeCheckout("checkout.session.completed", paymentStatus: "unpaid")
            clock += 60
            if payment == .delayed {
                pay(first)
                setStatus("active")
                completeCheckout("checkout.session.async_payment_succeeded", paymentStatus: "paid")
            } else {
                invoices[first].attemptCount += 1
                emit("invoice.payment_failed", invoices[first].json)
                completeCheckout("checkout.session.async_payment_failed", paymentStatus: "unpaid")
            }
        }
    }

    mutating func apply(_ change: BillingChange, index: Int) throws {
        guard subscription.status != "canceled" else {
            throw DatasetError("changes[\(index)] comes after the cancellation; cancel must be last")
        }
        let old = subscription
        switch change {
        case .update(let quantity, let priceID):
            clock += 60
            subscription.quantity = quantity ?? subscription.quantity
            subscription.priceID = priceID ?? subscription.priceID
            emitUpdate(since: old)
        case .renew(let paid):
            clock = subscription.periodEnd
            subscription.periodStart = subscription.periodEnd
            subscription.periodEnd += TenantSubscriptionState.periodSeconds
            let invoice = openInvoice(reason: "subscription_cycle")
            emitUpdate(since: old)
            emit("invoice.finalized", invoices[invoice].json)
            if paid {
                pay(invoice)
                setStatus("active")
            } else {
                invoices[invoice].attemptCount += 1
                emit("invoice.payment_failed", invoices[invoice].json)
                setStatus("past_due")
            }
        case .cancel:
            clock += 60
            subscription.status = "canceled"
            subscription.canceledAt = clock
            emit("customer.subscription.deleted", subscription.json)
        }
    }

    private mutating func openInvoice(reason: String) -> Int {
        let invoice = TenantInvoiceState(
            id: makeID("in_", 24), lineID: makeID("il_", 24), subscription: subscription,
            created: clock, billingReason: reason)
        invoices.append(invoice)
        subscription.latestInvoiceID = invoice.id
        return invoices.count - 1
    }

    private mutating func pay(_ index: Int) {
        invoices[index].status = "paid"
        invoices[index].attemptCount += 1
        invoices[index].paidAt = clock
        emit("invoice.paid", invoices[index].json)
    }

    /// Moves the subscription to `status` with an update event, unless it is there already.
    private mutating func setStatus(_ status: String) {
        guard subscription.status != status else { return }
        let old = subscription
        subscription.status = status
        emitUpdate(since: old)
    }

    private mutating func emitUpdate(since old: TenantSubscriptionState) {
        emit("customer.subscription.updated", subscription.json, previous: subscription.changes(since: old))
    }

    private mutating func completeCheckout(_ type: String, paymentStatus: String) {
        session = BillingEventShapes.completed(
            session, subscription: subscription, paymentStatus: paymentStatus)
        emit(type, session)
    }

    private mutating func emit(_ type: String, _ object: JSONObject, previous: JSONObject? = nil) {
        events.append(
            BillingEventShapes.event(
                id: makeID("evt_", 24), type: type, created: clock, object: object, previous: previous))
    }
}
