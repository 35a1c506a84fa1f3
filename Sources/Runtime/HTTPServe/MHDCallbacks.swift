import CMicroHTTPD
import CShims

// The C callbacks are global functions, not closures, so they carry no actor isolation.

/// libmicrohttpd's access handler: the first call sets up `PendingRequest`, later calls with
/// upload data append it, and the call with no more data builds the request and answers.
let mhdAccessHandler: MHD_AccessHandlerCallback = {
    context, connection, url, method, _, uploadData, uploadSize, connectionState in
    guard let context, let connection, let connectionState, let uploadSize else { return .NO }
    guard let stored = connectionState.pointee else {
        connectionState.pointee = Unmanaged.passRetained(PendingRequest()).toOpaque()
        return .YES
    }
    let pending = Unmanaged<PendingRequest>.fromOpaque(stored).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        if let uploadData {
            let chunk = UnsafeRawBufferPointer(start: uploadData, count: uploadSize.pointee)
            pending.body.append(contentsOf: chunk)
        }
        uploadSize.pointee = 0
        return .YES
    }
    let request = HTTPRequest(
        method: method.map { String(cString: $0) } ?? "GET",
        path: url.map { String(cString: $0) } ?? "/",
        query: ConnectionValues.pairs(connection, kind: .GET_ARGUMENT_KIND),
        headers: ConnectionValues.headers(connection),
        body: pending.body
    )
    let dispatch = Unmanaged<RequestDispatch>.fromOpaque(context).takeUnretainedValue()
    return ResponseSender.send(dispatch.handler(request), on: connection)
}

/// Frees the `PendingRequest` once the connection is done with the request.
let mhdRequestCompleted: MHD_RequestCompletedCallback = { _, _, connectionState, _ in
    guard let connectionState, let stored = connectionState.pointee else { return }
    Unmanaged<PendingRequest>.fromOpaque(stored).release()
    connectionState.pointee = nil
}
