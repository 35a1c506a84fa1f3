/// Writes an `EmulatorDataset` in the documented format, deterministically.
enum DatasetWriter {
    static func write(_ dataset: EmulatorDataset) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: estimatedSize(dataset))
        writer.appendASCII("{")
        if let account = dataset.defaultOAuthAccount {
            writer.appendASCII("\"oauth\":{\"default_account\":")
            writer.writeString(account)
            writer.appendASCII("},\n")
        }
        if let platform = dataset.platformAccount {
            writer.appendASCII("\"platform_account\":")
            writer.writeString(platform)
            writer.appendASCII(",\n")
        }
        writer.appendASCII("\"accounts\":{")
        for (accountIndex, accountID) in dataset.accountIDs.enumerated() {
            guard let data = dataset.accounts[accountID] else { continue }
            if accountIndex > 0 { writer.appendASCII(",") }
            writer.appendASCII("\n")
            writer.writeString(accountID)
            writer.appendASCII(":{\"account\":")
            writer.appendRaw(data.account.bytes)
            for collection in StripeCollection.allCases {
                writer.appendASCII(",\n")
                writer.writeString(collection.datasetKey)
                writer.appendASCII(":[")
                for (index, object) in data[collection].enumerated() {
                    writer.appendASCII(index == 0 ? "\n" : ",\n")
                    writer.appendRaw(object.bytes)
                }
                writer.appendASCII("]")
            }
            writer.appendASCII("}")
        }
        writer.appendASCII("}}\n")
        return writer.output
    }

    private static func estimatedSize(_ dataset: EmulatorDataset) -> Int {
        dataset.accounts.values.reduce(1024) { total, data in
            total + data.objects.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.bytes.count + 2 } }
        }
    }
}
