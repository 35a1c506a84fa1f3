import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation

/// PlatformBilling's calls: packages, onboarding checkout, Stripe webhooks, seats and credits.
public final class BillingService: Sendable {
    let store: BillingStore
    let webhooks: WebhookProcessor
    let stripe: BillingStripeAPI
    let clock: @Sendable () -> Int64
    let logger: Logger

    /// - Parameters:
    ///   - webhookSecrets: every endpoint secret currently valid (`whsec_…`, several while rolling).
    ///   - clock: Unix seconds; tests pin it to check the signature tolerance.
    public init(
        database: Database, stripe: BillingStripeAPI, webhookSecrets: [String], logger: Logger,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) throws {
        store = try BillingStore(database: database)
        webhooks = WebhookProcessor(
            store: store, stripe: stripe, secrets: webhookSecrets, clock: clock, logger: logger)
        self.stripe = stripe
        self.clock = clock
        self.logger = logger
    }

    public func register(on server: RPCServer) {
        typealias API = BillingV1.PlatformBilling
        server.register(API.upsertPackage) { request, _ in
            try self.guarded { try self.upsertPackage(request) }
        }
        server.register(API.listPackages) { _, _ in
            try self.guarded { BillingV1.ListPackagesResponse(packages: try self.store.packages()) }
        }
        server.register(API.createOnboardingCheckout) { request, _ in
            try self.guarded { try self.createOnboardingCheckout(request) }
        }
        server.register(API.handleWebhook) { request, _ in
            try self.guarded { try self.webhooks.handle(request) }
        }
        server.register(API.getTenantBilling) { request, _ in
            try self.guarded { try self.tenantBilling(request.tenantId) }
        }
        server.register(API.reserveSeat) { request, _ in
            try self.guarded { try self.seat(request, reserve: true) }
        }
        server.register(API.releaseSeat) { request, _ in
            try self.guarded { try self.seat(request, reserve: false) }
        }
        server.register(API.grantCredits) { request, _ in
            try self.guarded { try self.credits(request, sign: 1) }
        }
        server.register(API.consumeCredits) { request, _ in
            try self.guarded { try self.credits(request, sign: -1) }
        }
        server.register(API.getCreditLedger) { request, _ in
            try self.guarded {
                try Self.require(request.tenantId, "tenant_id")
                return BillingV1.CreditLedgerResponse(entries: try self.store.ledger(request.tenantId))
            }
        }
    }

    /// Maps billing refusals to their RPC status; RPC errors pass through.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as BillingFailure {
            throw failure.rpcError
        }
    }

    static func require(_ value: String, _ name: String) throws {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RPCError(.invalidArgument, "\(name) is empty; pass a non-empty \(name)")
        }
    }

    func upsertPackage(_ request: BillingV1.UpsertPackageRequest) throws
        -> BillingV1.UpsertPackageResponse
    {
        guard let package = request.package else {
            throw RPCError(.invalidArgument, "package is missing; pass the package to create or change")
        }
        try Self.require(package.packageId, "package_id")
        try Self.require(package.stripePriceId, "stripe_price_id")
        guard package.includedSeats >= 0, package.creditsPerPeriod >= 0 else {
            throw RPCError(.invalidArgument, "included_seats and credits_per_period must not be negative")
        }
        try store.upsertPackage(package)
        return BillingV1.UpsertPackageResponse(package: package)
    }

    func tenantBilling(_ tenantID: String) throws -> BillingV1.GetTenantBillingResponse {
        try Self.require(tenantID, "tenant_id")
        guard let tenant = try store.tenant(tenantID) else {
            throw BillingFailure.unknownTenant(tenantID)
        }
        return BillingV1.GetTenantBillingResponse(
            tenantId: tenantID, status: tenant.status, packageId: tenant.packageID,
            seatLimit: tenant.seatLimit,
            seatsUsed: try store.seatsUsed(tenantID), creditBalance: tenant.creditBalance,
            stripeCustomerId: tenant.customerID, stripeSubscriptionId: tenant.subscriptionID,
            stripePriceId: tenant.priceID, currentPeriodStart: tenant.periodStart,
            currentPeriodEnd: tenant.periodEnd, recentInvoices: try store.recentInvoices(tenantID),
            hasAccess: tenant.hasAccess
        )
    }

    func seat(_ request: BillingV1.SeatRequest, reserve: Bool) throws -> BillingV1.SeatResponse {
        try Self.require(request.tenantId, "tenant_id")
        try Self.require(request.holderId, "holder_id")
        return try store.database.transaction {
            if reserve {
                try store.reserveSeat(tenantID: request.tenantId, holderID: request.holderId)
            } else {
                try store.releaseSeat(tenantID: request.tenantId, holderID: request.holderId)
            }
            let limit = try store.tenant(request.tenantId)?.seatLimit ?? 0
            return BillingV1.SeatResponse(
                seatsUsed: try store.seatsUsed(request.tenantId), seatLimit: limit)
        }
    }
}
