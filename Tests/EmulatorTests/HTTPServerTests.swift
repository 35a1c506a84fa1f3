import HTTPServe
import TestSupport
import XCTest

final class HTTPServerTests: XCTestCase {
    private func echoServer() throws -> HTTPServer {
        try HTTPServer { request in
            let query = request.query.map { "\($0.0)=\($0.1)" }.joined(separator: "|")
            let form = request.formValues().map { "\($0.0)=\($0.1)" }.joined(separator: "|")
            let text = [
                request.method, request.path, query, request.header("X-Probe") ?? "-",
                String(request.body.count), form,
            ].joined(separator: "\n")
            return HTTPResponse(status: 200, headers: [("X-Echo", "yes")], body: Array(text.utf8))
        }
    }

    func testSimpleGetDecodesQueryAndHeaders() throws {
        let server = try echoServer()
        defer { server.stop() }
        XCTAssertNotEqual(server.port, 0)
        let connection = try RawHTTPConnection(port: server.port)
        let response = try connection.send(
            "GET", "/v1/things?a=1&b=x+y%21&created%5Bgt%5D=5", headers: [("X-Probe", "hello")]
        )
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["x-echo"], "yes")
        let lines = response.text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "GET")
        XCTAssertEqual(lines[1], "/v1/things")
        XCTAssertEqual(lines[2], "a=1|b=x y!|created[gt]=5")
        XCTAssertEqual(lines[3], "hello")
    }

    func testPostBodyIsAccumulatedAndFormDecoded() throws {
        let server = try echoServer()
        defer { server.stop() }
        let connection = try RawHTTPConnection(port: server.port)
        let form =
            "grant_type=authorization_code&code=ac_%2B1&note=two+words&"
            + String(repeating: "z", count: 20000)
        let response = try connection.send(
            "POST", "/oauth/token",
            headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(form.utf8)
        )
        let lines = response.text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "POST")
        XCTAssertEqual(lines[4], String(form.utf8.count))
        XCTAssertTrue(lines[5].hasPrefix("grant_type=authorization_code|code=ac_+1|note=two words|zzz"))
    }

    func testKeepAliveServesTwoRequestsOnOneConnection() throws {
        let server = try echoServer()
        defer { server.stop() }
        let connection = try RawHTTPConnection(port: server.port)
        let first = try connection.send("GET", "/one")
        let second = try connection.send("POST", "/two", body: Array("k=v".utf8))
        XCTAssertEqual(first.text.components(separatedBy: "\n")[1], "/one")
        XCTAssertEqual(second.text.components(separatedBy: "\n")[5], "k=v")
    }

    func testHelpersBuildJSONAndRedirects() throws {
        let server = try HTTPServer { request in
            request.path == "/go" ? .redirect(to: "http://127.0.0.1/cb?x=1") : .json(404, "{}")
        }
        defer { server.stop() }
        let connection = try RawHTTPConnection(port: server.port)
        let redirect = try connection.send("GET", "/go")
        XCTAssertEqual(redirect.status, 302)
        XCTAssertEqual(redirect.headers["location"], "http://127.0.0.1/cb?x=1")
        let missing = try connection.send("GET", "/nope")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.headers["content-type"], "application/json")
        XCTAssertEqual(missing.text, "{}")
    }

    func testStopIsIdempotent() throws {
        let server = try echoServer()
        server.stop()
        server.stop()
    }
}
