import BridgeRPC

/// Refusals of billing calls, mapped to an RPC status in one place.
enum BillingFailure: Error, CustomStringConvertible {
    case unknownTenant(String)
    case unknownPackage(String)
    case noAccess(String, status: String)
    case seatLimitReached(String, used: Int64, limit: Int64)
    case insufficientCredits(String, balance: Int64, wanted: Int64)
    case idempotencyKeyReused(String)
    case creditOverflow(String)

    var description: String {
        switch self {
        case .unknownTenant(let id):
            "tenant \(id) is unknown; start its onboarding checkout first"
        case .unknownPackage(let id):
            "package \(id) is unknown; create it with UpsertPackage first"
        case .noAccess(let id, let status):
            "tenant \(id) has no active subscription (status \(status)); seats need an active or "
                + "trialing subscription"
        case .seatLimitReached(let id, let used, let limit):
            "tenant \(id) already uses \(used) of its \(limit) seats; release a seat or raise the "
                + "subscription's quantity"
        case .insufficientCredits(let id, let balance, let wanted):
            "tenant \(id) has \(balance) credits, fewer than the \(wanted) asked for; grant credits first"
        case .idempotencyKeyReused(let key):
            "idempotency key \(key) was already used with a different amount; use a new key"
        case .creditOverflow(let id):
            "that grant would take tenant \(id)'s credit balance past the largest number it can hold"
        }
    }

    var rpcError: RPCError {
        switch self {
        case .unknownTenant, .unknownPackage: RPCError(.notFound, description)
        case .noAccess, .insufficientCredits: RPCError(.failedPrecondition, description)
        case .seatLimitReached: RPCError(.resourceExhausted, description)
        case .idempotencyKeyReused: RPCError(.invalidArgument, description)
        case .creditOverflow: RPCError(.outOfRange, description)
        }
    }
}
