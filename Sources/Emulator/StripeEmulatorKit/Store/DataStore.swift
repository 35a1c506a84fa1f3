import Foundation

/// The accounts and objects the emulator serves. All access goes through the lock.
// @unchecked Sendable: every stored property is read and written only inside `lock`.
final class DataStore: @unchecked Sendable {
    private let lock = NSLock()
    private var accounts: [String: AccountState] = [:]
    private var accountOrder: [String] = []
    private var nextSequence: Int64 = 1
    let platformAccountID: String
    let defaultOAuthAccount: String?

    init(dataset: EmulatorDataset) {
        platformAccountID = dataset.platformAccount ?? "acct_platform"
        defaultOAuthAccount = dataset.defaultOAuthAccount ?? dataset.accountIDs.first
        for id in dataset.accountIDs {
            guard let data = dataset.accounts[id] else { continue }
            var state = AccountState(account: data.account)
            for collection in StripeCollection.allCases {
                let objects = data[collection]
                var index = ObjectIndex()
                index.load(objects, firstSequence: nextSequence)
                nextSequence += Int64(objects.count)
                state.indexes[collection] = index
            }
            accounts[id] = state
            accountOrder.append(id)
        }
        if accounts[platformAccountID] == nil {
            accounts[platformAccountID] = AccountState(
                account: AccountObjectFactory.minimal(id: platformAccountID, name: "Platform")
            )
        }
    }

    /// Whether requests may act as `accountID` (known and connected, or the platform itself).
    func isReachable(_ accountID: String) -> Bool {
        lock.withLock {
            accountID == platformAccountID || accounts[accountID]?.connected == true
        }
    }

    func account(_ accountID: String) -> StoredObject? {
        lock.withLock { accounts[accountID]?.account }
    }

    func list(_ collection: StripeCollection, of accountID: String, query: ListQuery) throws(StripeAPIError)
        -> ListPage
    {
        let index = lock.withLock { accounts[accountID]?.indexes[collection] ?? ObjectIndex() }
        // The index is a value: the copy taken under the lock is a consistent snapshot.
        return try ListPage(
            index: index, query: query, url: collection.path, objectType: collection.objectType)
    }

    func object(_ collection: StripeCollection, of accountID: String, id: String) -> StoredObject? {
        lock.withLock { accounts[accountID]?.indexes[collection]?.object(id: id) }
    }

    /// Inserts or replaces `object` in `accountID` (created if unknown). Accounts objects replace
    /// the account's own object.
    func upsert(_ object: StoredObject, into accountID: String) throws {
        guard object.objectType == "account" || StripeCollection(objectType: object.objectType) != nil
        else {
            let known = StripeCollection.allCases.map(\.objectType).joined(separator: ", ")
            throw DatasetError("cannot store object type \(object.objectType); use account, \(known)")
        }
        lock.withLock {
            var state = accounts[accountID] ?? addAccountLocked(accountID)
            if object.objectType == "account" {
                state.account = object
            } else if let collection = StripeCollection(objectType: object.objectType) {
                state.indexes[collection, default: ObjectIndex()].upsert(object, sequence: nextSequence)
                nextSequence += 1
            }
            accounts[accountID] = state
        }
    }

    /// Marks `accountID` connected (creating an empty account if unknown).
    func connect(_ accountID: String) {
        lock.withLock {
            var state = accounts[accountID] ?? addAccountLocked(accountID)
            state.connected = true
            accounts[accountID] = state
        }
    }

    /// Marks `accountID` disconnected; false if it is unknown.
    func disconnect(_ accountID: String) -> Bool {
        lock.withLock {
            guard accounts[accountID] != nil, accountID != platformAccountID else { return false }
            accounts[accountID]?.connected = false
            return true
        }
    }

    /// The first connected account in dataset order, if any.
    var firstAccount: String? {
        lock.withLock { accountOrder.first }
    }

    private func addAccountLocked(_ accountID: String) -> AccountState {
        accountOrder.append(accountID)
        return AccountState(account: AccountObjectFactory.minimal(id: accountID, name: nil))
    }
}
