import Foundation
import Glibc

/// POSTs signed events to a webhook URL on this machine, one connection per event, as Stripe
/// delivers them (`Content-Type: application/json; charset=utf-8`, `Stripe-Signature`).
///
/// Only `http://127.0.0.1:PORT/…` and `http://localhost:PORT/…` are accepted: the emulator
/// sends traffic to loopback only. It does not retry; the answer reports each status.
struct WebhookPoster: Sendable {
    let port: UInt16
    let target: String

    init(url: String) throws {
        let prefixes = ["http://127.0.0.1:", "http://localhost:"]
        guard let prefix = prefixes.first(where: { url.hasPrefix($0) }) else {
            throw DatasetError(
                "\"deliver_to\" must be http://127.0.0.1:PORT/path (loopback only), not \(url)")
        }
        let rest = url.dropFirst(prefix.count)
        let portText = rest.prefix { $0.isNumber }
        guard let port = UInt16(portText), port > 0 else {
            throw DatasetError("\"deliver_to\" needs a port from 1 to 65535, as in \(prefixes[0])8080/")
        }
        self.port = port
        let path = rest.dropFirst(portText.count)
        target = path.isEmpty ? "/" : String(path)
    }

    /// The HTTP status the endpoint answered, or why the delivery failed.
    func deliver(_ event: SignedEvent) -> String {
        let head =
            "POST \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
            + "User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)\r\n"
            + "Content-Type: application/json; charset=utf-8\r\n"
            + "Stripe-Signature: \(event.signature)\r\n"
            + "Content-Length: \(event.payload.count)\r\nConnection: close\r\n\r\n"
        do {
            let socket = try LoopbackSocket(port: port)
            try socket.write(Array(head.utf8) + event.payload)
            let statusLine = try socket.readLine()
            let parts = statusLine.split(separator: " ")
            guard parts.count >= 2, Int(parts[1]) != nil else {
                return "failed: the endpoint answered \(statusLine.prefix(60)) instead of an HTTP status"
            }
            return String(parts[1])
        } catch {
            return "failed: \(error)"
        }
    }
}
