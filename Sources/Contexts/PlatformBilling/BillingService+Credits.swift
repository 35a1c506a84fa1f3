import BridgeRPC
import Contracts

extension BillingService {
    /// Grants (`sign` 1) or consumes (`sign` -1) credits once per idempotency key.
    func credits(_ request: BillingV1.CreditsRequest, sign: Int64) throws -> BillingV1.CreditsResponse {
        try Self.require(request.tenantId, "tenant_id")
        try Self.require(request.idempotencyKey, "idempotency_key")
        try Self.require(request.reason, "reason")
        guard request.amount > 0 else {
            throw RPCError(
                .invalidArgument, "amount must be a positive number of credits, got \(request.amount)")
        }
        let delta = sign * request.amount
        let source = "key:" + request.idempotencyKey
        return try store.database.transaction {
            if let recorded = try store.ledgerEntry(tenantID: request.tenantId, source: source) {
                guard recorded == delta else {
                    throw BillingFailure.idempotencyKeyReused(request.idempotencyKey)
                }
                let balance = try store.tenant(request.tenantId)?.creditBalance ?? 0
                return BillingV1.CreditsResponse(balance: balance, duplicate: true)
            }
            let balance = try store.appendCredit(
                tenantID: request.tenantId, delta: delta, reason: request.reason, source: source,
                now: clock())
            return BillingV1.CreditsResponse(balance: balance ?? 0, duplicate: false)
        }
    }
}
