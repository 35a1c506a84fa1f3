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

    /// Reads the rest of the invoice lines and line items Stripe embeds only a first page of.
    private var completer: EmbeddedListCompleter {
        EmbeddedListCompleter(client: client, account: plan.stripeAccountID, logger: logger)
    }

    private var link: SyncStore.Link {
        SyncStore.Link(businessID: plan.businessID, stripeAccountID: plan.stripeAccountID, lastSuccessStartedAt: nil)
    }

    func execute() -> Outcome {
        var outcome = Outcome()
        let filter = plan.since.map { CreatedWindow.since($0).query } ?? []
        for type in SyncObjectType.allCases {
            if let failure = mirrorType(type) {
                outcome.failedTypes[type.objectName] = failure.description
                if failure.kind == .authentication || failure.kind == .permission {
                    outcome.needsReconnect = true
                    return outcome
                }
            }
        }
        if plan.since != nil {
            let walked = walk(path: "/v1/events", query: filter, cursorKey: Self.eventsType, type: nil)
            record(type: Self.eventsType, [walked])
            if case .failure(let failure) = walked { outcome.failedTypes[Self.eventsType] = failure.description }
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

    /// Lists one type: a first sync walks its created windows at once, an incremental run
    /// walks one window. The type's row in the job gets the count and the first failure.
    private func mirrorType(_ type: SyncObjectType) -> StripeError? {
        let windows = plan.since.map { [CreatedWindow.since($0)] } ?? CreatedWindow.backfill(startedAt: plan.startedAt)
        let walks: [Result<Int, StripeError>]
        if windows.count == 1 {
            walks = [
                walk(
                    path: type.listPath, query: windows[0].query + type.listQuery,
                    cursorKey: type.objectName, type: type)
            ]
        } else {
            let results = WalkResults(count: windows.count)
            let group = DispatchGroup()
            for (index, window) in windows.enumerated() {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    results.set(
                        index,
                        walk(
                            path: type.listPath, query: window.query + type.listQuery,
                            cursorKey: "\(type.objectName)#\(index)", type: type))
                }
            }
            group.wait()
            walks = results.all
        }
        return record(type: type.objectName, walks)
    }

    /// Records a type's outcome from its walks; the first failure, if any.
    @discardableResult
    private func record(type: String, _ walks: [Result<Int, StripeError>]) -> StripeError? {
        let count = walks.reduce(0) { $0 + ((try? $1.get()) ?? 0) }
        let failure = walks.lazy.compactMap { result -> StripeError? in
            if case .failure(let error) = result { return error }
            return nil
        }.first
        if let failure {
            logger.warning(
                "sync of a type failed",
                ["business.id": plan.businessID, "stripe.type": type, "error": failure.description]
            )
        }
        try? jobs.recordType(
            jobID: plan.jobID, type: type, count: count, state: failure == nil ? .succeeded : .failed,
            error: failure?.description
        )
        return failure
    }

    /// Walks one list from its cursor, storing each page with the cursor in one transaction;
    /// the objects stored by this walk in all (earlier attempts included), or the failure.
    /// `type` is the list's object type, nil for the events list. Embedded lists are completed
    /// before a page is stored, so a failure there leaves the page and the cursor unstored.
    private func walk(path: String, query: [(String, String)], cursorKey: String, type: SyncObjectType?)
        -> Result<Int, StripeError>
    {
        var cursor: SyncCursor
        do {
            cursor = try jobs.cursor(jobID: plan.jobID, type: cursorKey)
        } catch {
            return .failure(
                StripeError(kind: .decoding, status: 0, message: "cannot read the cursor: \(error)", path: path))
        }
        guard !cursor.done else { return .success(cursor.count) }
        do {
            try client.list(
                path, query: query, account: plan.stripeAccountID, startingAfter: cursor.startingAfter,
                prefetch: true
            ) { page in
                let observed = try type == nil ? eventObjects(page) : []
                let completed = try type.map { try completer.complete(page, type: $0) } ?? page
                var next = cursor
                next.count += page.heads.count
                next.startingAfter = page.heads.last?.id ?? cursor.startingAfter
                try store.database.transaction {
                    if type == nil {
                        for (observedAt, group) in observed.groupedByObservation() {
                            try store.storePage(group, link: link, observedAt: observedAt)
                        }
                    } else {
                        try MirrorWriter(store: store).write(
                            completed, businessID: plan.businessID, stripeAccountID: plan.stripeAccountID,
                            observedAt: clock()
                        )
                    }
                    try jobs.saveCursor(jobID: plan.jobID, type: cursorKey, next)
                }
                cursor = next
            }
            cursor.done = true
            try jobs.saveCursor(jobID: plan.jobID, type: cursorKey, cursor)
            return .success(cursor.count)
        } catch {
            return .failure(
                error as? StripeError ?? StripeError(kind: .decoding, status: 0, message: "\(error)", path: path))
        }
    }

    /// The `data.object` of each event of a mirrored type, observed at the event's time, with
    /// its embedded lists completed.
    private func eventObjects(_ page: StripeListPage) throws -> [ObservedObject] {
        try page.objects.compactMap { event in
            guard let data = event["data"] as? [String: Any],
                var object = data["object"] as? [String: Any],
                let type = object["object"] as? String, SyncObjectType(rawValue: type) != nil
            else { return nil }
            let mirrored = try EmbeddedList(objectType: type).flatMap { list in
                object[list.key] == nil ? try store.mirroredObject(link, type: type, id: object["id"] as? String) : nil
            }
            _ = try completer.complete(&object, mirrored: mirrored)
            guard let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
                let mirrored = MirroredObject(dictionary: object, json: Array(json))
            else { return nil }
            let created = (event["created"] as? Int).map(Int64.init) ?? 0
            return ObservedObject(object: mirrored, observedAt: created)
        }
    }
}
