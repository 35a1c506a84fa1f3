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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError("cannot read \(path); check the path and its permissions")
        }
        return try EmulatorDataset(bytes: [UInt8](data))
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
        DatasetWriter.write(self)
    }

    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(encoded()).write(to: url, options: .atomic)
        } catch {
            throw DatasetError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
