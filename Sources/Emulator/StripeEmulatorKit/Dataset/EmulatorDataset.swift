import Foundation

/// The Stripe data an emulator serves: accounts and their objects. See docs/dataset-format.md.
///
/// Objects stay as their JSON bytes; only `id`, `object`, `created` (and an event's `type`, an
/// invoice payment's `invoice`) are read, so large generated datasets load quickly.
public struct EmulatorDataset: Sendable {
    /// The account `/oauth/authorize` connects when the request does not name one.
    public var defaultOAuthAccount: String?
    /// The account requests without `Stripe-Account` act as; nil means a synthetic empty one.
    public var platformAccount: String?
    /// Account ids in file order.
    public private(set) var accountIDs: [String] = []
    public private(set) var accounts: [String: AccountData] = [:]

    public init() {}

    public static func load(path: String) throws -> EmulatorDataset {
        try EmulatorDataset(bytes: try FileBytes.read(path))
    }

    public init(json: String) throws {
        try self.init(bytes: Array(json.utf8))
    }

    public init(bytes: [UInt8]) throws {
        self = try DatasetReader.read(bytes)
    }

    /// Adds or replaces an account, keeping its place if it already exists.
    public mutating func setAccount(_ id: String, _ data: AccountData) {
        if accounts[id] == nil { accountIDs.append(id) }
        accounts[id] = data
    }

    /// Appends `object` to the collection named by its `object` field, creating the account
    /// (with a minimal account object) when needed. An `"object":"account"` replaces the account.
    public mutating func add(_ object: JSONObject, to accountID: String) throws {
        let stored = try StoredObject(object)
        if accounts[accountID] == nil { setAccount(accountID, .empty(id: accountID)) }
        if stored.objectType == "account" {
            accounts[accountID]?.account = stored
        } else {
            guard let collection = StripeCollection(objectType: stored.objectType) else {
                throw DatasetError("object \(stored.id) has unsupported type \(stored.objectType)")
            }
            accounts[accountID]?.append(stored, to: collection)
        }
    }

    /// The dataset as JSON: one object per line so files diff well.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        DatasetWriter.write(self) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Writes the JSON to `path` through a temporary file, so readers never see half a file.
    public func write(to path: String) throws {
        let temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw DatasetError("cannot create \(temporary); check that the folder exists and is writable")
        }
        do {
            try DatasetWriter.write(self) { try handle.write(contentsOf: $0) }
            try handle.close()
            _ = try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw DatasetError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
