/// The handler the C callbacks reach through the daemon's context pointer.
final class RequestDispatch: Sendable {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse

    init(handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.handler = handler
    }
}
