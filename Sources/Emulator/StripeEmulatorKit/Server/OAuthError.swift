import HTTPServe

/// An error from the OAuth endpoints: `{"error":"invalid_grant","error_description":"…"}`.
struct OAuthError: Error {
    var status = 400
    var code: String
    var description: String

    var response: HTTPResponse {
        .json(
            status,
            JSONValue.object(
                JSONObject([("error", .string(code)), ("error_description", .string(description))])
            ).text
        )
    }
}
