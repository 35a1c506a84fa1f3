import Foundation
import HTTPServe

/// Everything behind the emulator's HTTP port: routing, auth, data, OAuth, faults and the log.
/// Each part guards its own state, so the core is safe to call from the server's threads.
final class EmulatorCore: Sendable {
    let data: DataStore
    let grants = OAuthGrants()
    let faults = FaultBook()
    let log = RequestLog()
    let ids = IDMaker()
    let billing = BillingObjects()
    let secretKey: String
    let connectClientID: String

    init(dataset: EmulatorDataset, secretKey: String, connectClientID: String) {
        self.data = DataStore(dataset: dataset)
        self.secretKey = secretKey
        self.connectClientID = connectClientID
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        var response: HTTPResponse
        if request.path.hasPrefix("/_emulator/") {
            response = handleControl(request)
        } else {
            response = handleTraffic(request)
            log.record(request, status: response.status)
        }
        response.headers.append(("Request-Id", ids.make("req_", length: 14)))
        return response
    }

    private func handleTraffic(_ request: HTTPRequest) -> HTTPResponse {
        let account = request.headers["stripe-account"]
        if let fault = faults.take(method: request.method, path: request.path, account: account) {
            if fault.delayMilliseconds > 0 { usleep(UInt32(min(fault.delayMilliseconds, 60_000)) * 1000) }
            if let error = fault.error { return error.response }
        }
        if request.path.hasPrefix("/oauth/") { return handleOAuth(request) }
        do {
            return try handleAPI(request)
        } catch {
            return error.response
        }
    }
}
