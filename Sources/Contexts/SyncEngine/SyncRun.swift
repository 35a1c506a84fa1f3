import BridgeLog
import Contracts
import Foundation
import StripeClient

/// One run of one business: lists every object type, then (when incremental) reads the events
/// since the last success so later changes to old objects are caught.
///
/// Each page is stored with the run's cursor for its type in one transaction, so a run killed
/// at any moment resumes where it stopped. The last successful sync date advances only when
/// every type finished, and it is the run's start time, not its end.
struct SyncRun {
    /// Stripe keeps events for 30 days; past this gap a run re-lists everything.
    static let eventRetentionSeconds: Int64 = 29 * 24 * 3600
    /// The pseudo-type under which the events pass keeps its cursor and counts.
    static let eventsType = "event"

    let store: SyncStore
    let jobs: SyncJobStore
    let client: StripeClient
    let logger: Logger
    let plan: SyncJobStore.RunPlan
    let clock: @Sendable () -> Int64

    /// What ended the run, for the job row.
    struct Outcome {
        var failedTypes: [String: String] = [:]
        var needsReconnect = false
        var succeeded: Bool { failedTypes.isEmpty }
    }

    /// `created[gte]` bound of an incremental run, or nil for a full one.
    static func incrementalStart(lastSuccess: Int64?, now: Int64, overlapSeconds: Int64) -> Int64? {
        guard let lastSuccess, now - lastSuccess <= eventRetentionSeconds else { return nil }
        return lastSuccess - overlapSeconds
    }

    private var link: SyncStore.Link {
        SyncStore.Link(businessID: plan.businessID, stripeAccountID: plan.stripeAccountID, lastSuccessStartedAt: nil)
    }

    func execute() -> Outcome {
        var outcome = Outcome()
        let filter = plan.since.map { [("created[gte]", String($0))] } ?? []
        for type in SyncObjectType.allCases {
            let query = filter + type.listQuery
            if let failure = mirror(path: type.listPath, query: query, type: type.objectName, fromEvents: false) {
                outcome.failedTypes[type.objectName] = failure.description
                if failure.kind == .authentication || failure.kind == .permission {
                    outcome.needsReconnect = true
                    return outcome
                }
            }
        }
        if plan.since != nil,
            let failure = mirror(path: "/v1/events", query: filter, type: Self.eventsType, fromEvents: true)
        {
            outcome.failedTypes[Self.eventsType] = failure.description
        }
        if outcome.succeeded {
            do {
                try store.recordSuccess(businessID: plan.businessID, startedAt: plan.startedAt)
            } catch {
                outcome.failedTypes["sync_state"] = "\(error)"
            }
        }
        return outcome
    }

    /// Walks one list from the type's cursor; the failure, or nil when the type finished.
    private func mirror(path: String, query: [(String, String)], type: String, fromEvents: Bool) -> StripeError? {
        var cursor: SyncCursor
        do {
            cursor = try jobs.cursor(jobID: plan.jobID, type: type)
        } catch {
            return StripeError(kind: .decoding, status: 0, message: "cannot read the cursor: \(error)", path: path)
        }
        guard !cursor.done else { return nil }
        do {
            try client.list(
                path, query: query, account: plan.stripeAccountID, startingAfter: cursor.startingAfter,
                prefetch: true
            ) { page in
                cursor.count += page.heads.count
                cursor.startingAfter = page.heads.last?.id ?? cursor.startingAfter
                let next = cursor
                try store.database.transaction {
                    if fromEvents {
                        for (observedAt, group) in Self.eventObjects(page).groupedByObservation() {
                            try store.storePage(group, link: link, observedAt: observedAt)
                        }
                    } else {
                        try MirrorWriter(store: store).write(
                            page, businessID: plan.businessID, stripeAccountID: plan.stripeAccountID,
                            observedAt: clock()
                        )
                    }
                    try jobs.saveCursor(jobID: plan.jobID, type: type, next)
                }
            }
            cursor.done = true
            try jobs.saveCursor(jobID: plan.jobID, type: type, cursor)
            try jobs.recordType(jobID: plan.jobID, type: type, count: cursor.count, state: .succeeded, error: nil)
            return nil
        } catch {
            let failure =
                error as? StripeError
                ?? StripeError(kind: .decoding, status: 0, message: "\(error)", path: path)
            logger.warning(
                "sync of a type failed",
                ["business.id": plan.businessID, "stripe.type": type, "error": failure.description]
            )
            try? jobs.recordType(
                jobID: plan.jobID, type: type, count: cursor.count, state: .failed, error: failure.description
            )
            return failure
        }
    }

    /// The `data.object` of each event of a mirrored type, observed at the event's time.
    private static func eventObjects(_ page: StripeListPage) -> [ObservedObject] {
        page.objects.compactMap { event in
            guard let data = event["data"] as? [String: Any],
                let object = data["object"] as? [String: Any],
                let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
                let mirrored = MirroredObject(dictionary: object, json: Array(json)),
                SyncObjectType(rawValue: mirrored.type) != nil
            else { return nil }
            let created = (event["created"] as? Int).map(Int64.init) ?? 0
            return ObservedObject(object: mirrored, observedAt: created)
        }
    }
}
