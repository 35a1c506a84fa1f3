import AccessControl
import BridgeLog
import BridgeRPC
import BridgeStore
import Contracts
import Foundation
import Outbox
import StripeClient

/// SyncEngine's calls: link facts from ConnectAuth, manual syncs, and job status.
///
/// Runs execute on a bounded pool so several businesses sync at once and one slow account
/// never blocks the others; at most one run per business.
///
/// `@unchecked Sendable`: `running` is only touched under `lock`.
public final class SyncService: @unchecked Sendable {
    private let store: SyncStore
    private let jobs: SyncJobStore
    private let client: StripeClient
    private let logger: Logger
    private let overlapSeconds: Int64
    private let relay: OutboxRelay?
    private let connectClient: RPCClient?
    private let pool: DispatchQueue
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var running: [String: Int64] = [:]
    private let clock: @Sendable () -> Int64
    private let schedule: SyncSchedule

    public init(
        database: Database, client: StripeClient, logger: Logger, overlapSeconds: Int64,
        maxConcurrentRuns: Int, relay: OutboxRelay?, schedule: SyncSchedule, connectClient: RPCClient? = nil,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) throws {
        self.store = try SyncStore(database: database)
        self.jobs = SyncJobStore(database: database)
        self.client = client
        self.logger = logger
        self.overlapSeconds = overlapSeconds
        self.relay = relay
        self.connectClient = connectClient
        self.pool = DispatchQueue(label: "sync-runs", attributes: .concurrent)
        self.slots = DispatchSemaphore(value: max(1, maxConcurrentRuns))
        self.clock = clock
        self.schedule = schedule
    }

    /// Starts a run for every due business (every linked one when `all`); the jobs started.
    public func startDueRuns(all: Bool) throws -> [SyncV1.SyncJob] {
        let now = clock()
        var started: [SyncV1.SyncJob] = []
        for link in try store.allLinks() {
            let lastRunStarted = try jobs.lastStarted(businessID: link.businessID)
            let due =
                all
                || schedule.isDue(
                    businessID: link.businessID, lastSuccess: link.lastSuccessStartedAt,
                    lastRunStarted: lastRunStarted, now: now
                )
            guard due, !needsReconnect(link) else { continue }
            if let job = try startRun(businessID: link.businessID, trigger: .schedule).job {
                started.append(job)
            }
        }
        return started
    }

    /// Whether ConnectAuth holds this link as refused by Stripe; such a business waits for its
    /// owner to connect again instead of failing every day. Unknown when ConnectAuth is down.
    private func needsReconnect(_ link: SyncStore.Link) -> Bool {
        let answer = try? connectClient?.call(
            ConnectV1.ConnectAuth.accountForBusiness, .init(businessId: link.businessID), timeout: .seconds(2)
        )
        return answer?.state == .needsReconnect && answer?.stripeAccountId == link.stripeAccountID
    }

    public func runDue(_ request: SyncV1.RunDueRequest, context: CallContext) throws -> SyncV1.RunDueResponse {
        var jobs = try startDueRuns(all: request.all)
        if request.wait {
            jobs = try jobs.map { try waitUntilVisible(jobID: $0.id, businessID: $0.businessId, context: context) }
        }
        return .init(jobs: jobs)
    }

    /// Resumes the runs a stopped process left running, each from its cursors.
    public func resumeInterruptedRuns() throws {
        for plan in try jobs.interrupted() {
            lock.withLock { running[plan.businessID] = plan.jobID }
            logger.info("sync resumed", ["business.id": plan.businessID, "sync.job_id": "\(plan.jobID)"])
            dispatch(plan)
        }
    }

    /// The outbox this service writes, for the relay that delivers it.
    public static func outbox(of database: Database) throws -> OutboxStore {
        try SyncStore(database: database).outbox
    }

    public func linkChanged(_ request: SyncV1.LinkChangedRequest) throws -> SyncV1.LinkChangedResponse {
        guard !request.businessId.isEmpty else { throw RPCError.invalidArgument("business_id is empty") }
        guard !request.messageId.isEmpty else { throw RPCError.invalidArgument("message_id is empty") }
        let applied = try store.applyLink(
            businessID: request.businessId, stripeAccountID: request.stripeAccountId,
            messageID: request.messageId, now: clock()
        )
        relay?.wake()
        guard applied, request.startSync, !request.stripeAccountId.isEmpty else { return .init() }
        let started = try startRun(businessID: request.businessId, trigger: .connect)
        return .init(jobId: started.job?.id ?? 0)
    }

    public func sync(_ request: SyncV1.SyncRequest, context: CallContext) throws -> SyncV1.SyncResponse {
        guard !request.businessId.isEmpty else { throw RPCError.invalidArgument("business_id is empty") }
        var response = try startRun(businessID: request.businessId, trigger: request.trigger)
        if request.wait {
            response.job = try waitUntilVisible(
                jobID: response.job?.id ?? 0, businessID: request.businessId, context: context)
        }
        return response
    }

    public func getJob(_ request: SyncV1.GetJobRequest) throws -> SyncV1.GetJobResponse {
        guard let job = try jobs.job(request.jobId) else {
            throw RPCError.notFound("sync job \(request.jobId) does not exist")
        }
        return .init(job: job)
    }

    public func listJobs(_ request: SyncV1.ListJobsRequest) throws -> SyncV1.ListJobsResponse {
        guard !request.businessId.isEmpty else { throw RPCError.invalidArgument("business_id is empty") }
        let limit = request.limit <= 0 ? 20 : min(Int(request.limit), 200)
        return .init(jobs: try jobs.jobs(businessID: request.businessId, limit: limit))
    }

    /// Starts a run, or returns the one already running for that business.
    private func startRun(businessID: String, trigger: SyncV1.Trigger) throws -> SyncV1.SyncResponse {
        guard let link = try store.link(of: businessID) else {
            throw RPCError.failedPrecondition(
                "business \(businessID) has no linked Stripe account; connect it through ConnectAuth first"
            )
        }
        lock.lock()
        if let current = running[businessID] {
            lock.unlock()
            let job = try jobs.job(current) ?? SyncV1.SyncJob(id: current, businessId: businessID, state: "running")
            return .init(job: job, alreadyRunning: true)
        }
        let plan: SyncJobStore.RunPlan
        do {
            let now = clock()
            plan = try jobs.create(
                businessID: businessID, stripeAccountID: link.stripeAccountID, trigger: trigger, now: now,
                since: SyncRun.incrementalStart(
                    lastSuccess: link.lastSuccessStartedAt, now: now, overlapSeconds: overlapSeconds
                )
            )
        } catch {
            lock.unlock()
            throw error
        }
        running[businessID] = plan.jobID
        lock.unlock()
        logger.info(
            "sync started",
            ["business.id": businessID, "sync.job_id": "\(plan.jobID)", "sync.trigger": "\(trigger)"]
        )
        dispatch(plan)
        return .init(job: try jobs.job(plan.jobID) ?? SyncV1.SyncJob(id: plan.jobID))
    }

    private func dispatch(_ plan: SyncJobStore.RunPlan) {
        pool.async { [self] in
            slots.wait()
            defer { slots.signal() }
            execute(plan)
        }
    }

    private func execute(_ plan: SyncJobStore.RunPlan) {
        let jobID = plan.jobID
        let link = SyncStore.Link(
            businessID: plan.businessID, stripeAccountID: plan.stripeAccountID, lastSuccessStartedAt: nil
        )
        let run = SyncRun(store: store, jobs: jobs, client: client, logger: logger, plan: plan, clock: clock)
        let outcome = run.execute()
        let error = outcome.failedTypes.keys.sorted().map { "\($0): \(outcome.failedTypes[$0]!)" }
            .joined(separator: "; ")
        do {
            try jobs.finish(
                jobID: jobID, state: outcome.succeeded ? .succeeded : .failed,
                error: outcome.succeeded ? nil : error, now: clock()
            )
        } catch {
            logger.error("could not record the end of a sync", ["sync.job_id": "\(jobID)", "error": "\(error)"])
        }
        if outcome.needsReconnect {
            Self.reportNeedsReconnect(
                businessID: link.businessID, stripeAccountID: link.stripeAccountID, reason: error,
                connect: connectClient, logger: logger
            )
        }
        lock.withLock { running[link.businessID] = nil }
        relay?.wake()
        logger.info(
            "sync finished",
            [
                "business.id": link.businessID, "sync.job_id": "\(jobID)",
                "sync.state": outcome.succeeded ? "succeeded" : "failed",
            ]
        )
    }

    /// Waits until the job ended and everything it mirrored reached RevenueQuery, or the deadline.
    private func waitUntilVisible(jobID: Int64, businessID: String, context: CallContext) throws -> SyncV1.SyncJob {
        let limit = ContinuousClock.now.advanced(by: (context.remaining ?? .seconds(60)) - .milliseconds(200))
        while ContinuousClock.now < limit {
            let finished = lock.withLock { running[businessID] != jobID }
            if finished, try store.outbox.pendingCount(businessID: businessID) == 0 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return try jobs.job(jobID) ?? SyncV1.SyncJob(id: jobID)
    }

    /// Registers the calls. The business-scoped ones a user triggers (the manual sync button,
    /// job status) need a grant for that business; LinkChanged comes from ConnectAuth and
    /// RunDue from the operator's command, both over the service user's socket (mode 0600).
    public func register(on server: RPCServer, access: AccessGuard) {
        server.register(SyncV1.SyncEngine.linkChanged) { request, _ in try self.linkChanged(request) }
        server.register(SyncV1.SyncEngine.sync) { request, context in
            try access.require(context, businessID: request.businessId, clientRoute: true)
            return try self.sync(request, context: context)
        }
        server.register(SyncV1.SyncEngine.getJob) { request, context in
            // An unknown job and someone else's job answer alike, so ids reveal nothing.
            guard let answer = try? self.getJob(request), let business = answer.job?.businessId,
                (try? access.require(context, businessID: business, clientRoute: true)) != nil
            else { throw RPCError.notFound("sync job \(request.jobId) does not exist or is not yours to read") }
            return answer
        }
        server.register(SyncV1.SyncEngine.listJobs) { request, context in
            try access.require(context, businessID: request.businessId, clientRoute: true)
            return try self.listJobs(request)
        }
        server.register(SyncV1.SyncEngine.runDue) { request, context in try self.runDue(request, context: context) }
    }
}
