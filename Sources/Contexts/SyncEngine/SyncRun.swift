import BridgeLog
import Contracts
import Foundation
import StripeClient

/// One run of one business: lists every object type, then (when incremental) reads the events
/// since the last success so later changes to old objects are caught.
///
/// The last successful sync date advances only when every type finished.
struct SyncRun {
    /// Stripe keeps events for 30 days; past this gap a run re-lists everything.
    static let eventRetentionSeconds: Int64 = 29 * 24 * 3600

    let store: SyncStore
    let jobs: SyncJobStore
    let client: StripeClient
    let logger: Logger
    let overlapSeconds: Int64
    let jobID: Int64
    let link: SyncStore.Link
    let clock: @Sendable () -> Int64

    /// What ended the run, for the job row.
    struct Outcome {
        var failedTypes: [String: String] = [:]
        var needsReconnect = false
        var succeeded: Bool { failedTypes.isEmpty }
    }

    func execute() -> Outcome {
        let startedAt = clock()
        var outcome = Outcome()
        let since = incrementalStart(now: startedAt)
        for type in SyncObjectType.allCases {
            let query = since.map { [("created[gte]", String($0))] } ?? []
            let result = mirror(path: type.listPath, query: query, type: type.objectName)
            if let failure = result.failure {
                outcome.failedTypes[type.objectName] = failure.description
                if failure.kind == .authentication || failure.kind == .permission {
                    outcome.needsReconnect = true
                    break
                }
            }
        }
        if let since, !outcome.needsReconnect {
            let result = mirrorEvents(since: since)
            if let failure = result.failure { outcome.failedTypes["event"] = failure.description }
        }
        if outcome.succeeded {
            do {
                try store.recordSuccess(businessID: link.businessID, startedAt: startedAt)
            } catch {
                outcome.failedTypes["sync_state"] = "\(error)"
            }
        }
        return outcome
    }

    /// `created[gte]` bound of an incremental run, or nil for a full one.
    func incrementalStart(now: Int64) -> Int64? {
        guard let last = link.lastSuccessStartedAt, now - last <= Self.eventRetentionSeconds else { return nil }
        return last - overlapSeconds
    }

    private struct TypeResult {
        var count = 0
        var failure: StripeError?
    }

    private func mirror(path: String, query: [(String, String)], type: String) -> TypeResult {
        var result = TypeResult()
        do {
            try client.list(path, query: query, account: link.stripeAccountID) { page in
                let objects = zip(page.objects, page.rawObjects).compactMap { MirroredObject(dictionary: $0, json: $1) }
                try store.storePage(objects, link: link, observedAt: clock())
                result.count += objects.count
            }
            try jobs.recordType(jobID: jobID, type: type, count: result.count, state: .succeeded, error: nil)
        } catch let error as StripeError {
            result.failure = error
            logger.warning(
                "sync of a type failed",
                ["business.id": link.businessID, "stripe.type": type, "error": error.description]
            )
            try? jobs.recordType(jobID: jobID, type: type, count: result.count, state: .failed, error: error.description)
        } catch {
            result.failure = StripeError(
                kind: .decoding, status: 0, type: nil, code: nil, message: "\(error)", requestID: nil, path: path
            )
            try? jobs.recordType(jobID: jobID, type: type, count: result.count, state: .failed, error: "\(error)")
        }
        return result
    }

    /// Applies the `data.object` of every event since `since`, each observed at its event's time.
    private func mirrorEvents(since: Int64) -> TypeResult {
        var result = TypeResult()
        do {
            try client.list("/v1/events", query: [("created[gte]", String(since))], account: link.stripeAccountID) {
                page in
                for event in page.objects {
                    guard let data = event["data"] as? [String: Any],
                        let object = data["object"] as? [String: Any],
                        let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
                        let mirrored = MirroredObject(dictionary: object, json: Array(json)),
                        SyncObjectType(rawValue: mirrored.type) != nil
                    else { continue }
                    let created = (event["created"] as? Int).map(Int64.init) ?? 0
                    result.count += try store.storePage([mirrored], link: link, observedAt: created)
                }
            }
            try jobs.recordType(jobID: jobID, type: "event", count: result.count, state: .succeeded, error: nil)
        } catch let error as StripeError {
            result.failure = error
            try? jobs.recordType(jobID: jobID, type: "event", count: result.count, state: .failed, error: error.description)
        } catch {
            result.failure = StripeError(
                kind: .decoding, status: 0, type: nil, code: nil, message: "\(error)", requestID: nil, path: "/v1/events"
            )
        }
        return result
    }
}
