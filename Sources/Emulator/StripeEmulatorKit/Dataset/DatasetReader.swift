/// Reads the dataset format (docs/dataset-format.md) into an `EmulatorDataset`.
enum DatasetReader {
    static func read(_ bytes: [UInt8]) throws -> EmulatorDataset {
        var dataset = EmulatorDataset()
        var parser = JSONParser(bytes)
        do {
            try parser.forEachKey { key, parser in
                switch key {
                case "oauth":
                    let oauth = try parser.parseValue()
                    dataset.defaultOAuthAccount = oauth["default_account"]?.stringValue
                case "platform_account":
                    dataset.platformAccount = try parser.parseValue().stringValue
                case "accounts":
                    try parser.forEachKey { accountID, parser in
                        dataset.setAccount(accountID, try readAccount(accountID, &parser))
                    }
                default:
                    try parser.skipValue()
                }
            }
            try parser.expectEnd()
        } catch let error as JSONError {
            throw DatasetError(error.description)
        }
        if let wanted = dataset.defaultOAuthAccount, dataset.accounts[wanted] == nil {
            throw DatasetError("oauth.default_account \(wanted) is not one of the dataset's accounts")
        }
        return dataset
    }

    private static func readAccount(_ accountID: String, _ parser: inout JSONParser) throws -> AccountData {
        var data = AccountData.empty(id: accountID)
        try parser.forEachKey { key, parser in
            if key == "account" {
                let account = try StoredObject(skimming: &parser)
                guard account.id == accountID else {
                    throw DatasetError(
                        "accounts.\(accountID).account has id \(account.id); they must match")
                }
                data.account = account
                return
            }
            guard let collection = StripeCollection(rawValue: key) else {
                let known = StripeCollection.allCases.map(\.datasetKey).joined(separator: ", ")
                throw DatasetError(
                    "accounts.\(accountID) has unknown key \"\(key)\"; use account, \(known)")
            }
            var objects: [StoredObject] = []
            try parser.forEachElement { parser in
                let object = try StoredObject(skimming: &parser)
                guard object.objectType == collection.objectType else {
                    throw DatasetError(
                        "accounts.\(accountID).\(key) holds \(object.id) of type \(object.objectType); "
                            + "it belongs in the collection for \(object.objectType)"
                    )
                }
                objects.append(object)
            }
            data[collection] = objects
        }
        return data
    }
}
