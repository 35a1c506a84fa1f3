import HTTPServe

/// The `/v1` endpoints: authentication, lists, retrieves, line sub-lists and accounts.
extension EmulatorCore {
    func handleAPI(_ request: HTTPRequest) throws(StripeAPIError) -> HTTPResponse {
        let accountID = try authenticate(request)
        if let billingResponse = try handleBilling(request, accountID: accountID) { return billingResponse }
        guard request.method == "GET" else { throw .unknownURL(request.method, request.path) }
        let path = request.path
        if path == "/v1/account" { return try accountResponse(accountID) }
        if path.hasPrefix("/v1/accounts/") {
            return try accountResponse(String(path.dropFirst("/v1/accounts/".count)))
        }
        if let collection = StripeCollection(path: path) {
            let page = try data.list(collection, of: accountID, query: try ListQuery(request))
            return HTTPResponse(
                status: 200, headers: [("Content-Type", "application/json")], body: page.json)
        }
        for list in EmbeddedLineList.all {
            guard let parentID = list.parentID(inPath: path) else { continue }
            return try linesResponse(list, parentID: parentID, accountID: accountID, request: request)
        }
        for collection in StripeCollection.allCases where path.hasPrefix(collection.path + "/") {
            let id = String(path.dropFirst(collection.path.count + 1))
            guard !id.isEmpty, !id.contains("/") else { break }
            guard let object = data.object(collection, of: accountID, id: id) else {
                throw .noSuchObject(collection.objectType, id)
            }
            return jsonResponse(object.bytes)
        }
        throw .unknownURL(request.method, path)
    }

    /// One page of a parent's lines, in their order on the parent.
    private func linesResponse(
        _ list: EmbeddedLineList, parentID: String, accountID: String, request: HTTPRequest
    ) throws(StripeAPIError) -> HTTPResponse {
        let items: [StoredObject]?
        do {
            items = try data.lines(list, of: accountID, parentID: parentID)
        } catch {
            throw StripeAPIError(
                status: 500, type: "api_error", code: nil,
                message: "The stored \(list.collection.objectType) \(parentID) is not readable JSON: "
                    + "\(error)",
                param: nil)
        }
        guard let items else { throw .noSuchObject(list.collection.objectType, parentID) }
        let page = try ListPage(
            ordered: items, query: try ListQuery(request), url: list.url(parentID: parentID),
            itemType: list.itemType)
        return jsonResponse(page.json)
    }

    /// The account the request acts as, after checking its key and `Stripe-Account`.
    private func authenticate(_ request: HTTPRequest) throws(StripeAPIError) -> String {
        guard let authorization = request.header("Authorization"), !authorization.isEmpty else {
            throw .missingKey
        }
        let key = Self.bearerToken(authorization)
        let wanted = request.header("Stripe-Account").flatMap { $0.isEmpty ? nil : $0 }
        if key == secretKey {
            guard let wanted else { return data.platformAccountID }
            guard data.isReachable(wanted) else { throw .noAccess(key, wanted) }
            return wanted
        }
        if let tokenAccount = grants.account(forAccessToken: key), data.isReachable(tokenAccount) {
            guard wanted == nil || wanted == tokenAccount else { throw .noAccess(key, wanted ?? "") }
            return tokenAccount
        }
        throw .invalidKey(key)
    }

    static func bearerToken(_ authorization: String) -> String {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return authorization }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    private func accountResponse(_ accountID: String) throws(StripeAPIError) -> HTTPResponse {
        guard let account = data.account(accountID) else { throw .noSuchObject("account", accountID) }
        return jsonResponse(account.bytes)
    }

    func jsonResponse(_ bytes: [UInt8], status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: bytes)
    }
}
