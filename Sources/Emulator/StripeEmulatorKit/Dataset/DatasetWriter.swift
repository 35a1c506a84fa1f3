/// Writes an `EmulatorDataset` in the documented format, deterministically, handing the bytes
/// to `sink` in chunks so a large dataset never needs a second copy in memory.
enum DatasetWriter {
    static let chunkSize = 8 << 20

    static func write(_ dataset: EmulatorDataset, sink: ([UInt8]) throws -> Void) rethrows {
        var writer = JSONWriter(reservingCapacity: chunkSize + (1 << 20))
        func flushIfFull() throws {
            guard writer.output.count >= chunkSize else { return }
            try sink(writer.output)
            writer = JSONWriter(reservingCapacity: chunkSize + (1 << 20))
        }
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
                    try flushIfFull()
                }
                writer.appendASCII("]")
            }
            writer.appendASCII("}")
        }
        writer.appendASCII("}}\n")
        try sink(writer.output)
    }
}
