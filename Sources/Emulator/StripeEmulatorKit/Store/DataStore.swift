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
                let objects = data[collection].map { Self.trim($0, collection: collection, into: &state) }
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

    /// The whole embedded list of parent `parentID` (an invoice's lines, a session's line items),
    /// in order; nil when the account has no such parent.
    func lines(_ list: EmbeddedLineList, of accountID: String, parentID: String) throws -> [StoredObject]? {
        let (parent, long) = lock.withLock {
            let state = accounts[accountID]
            return (
                state?.indexes[list.collection]?.object(id: parentID),
                state?.longLists[list.collection]?[parentID]
            )
        }
        guard let parent else { return nil }
        return try long ?? list.items(of: parent)
    }

    /// Inserts or replaces `object` in `accountID` (created if unknown). Accounts objects replace
    /// the account's own object. Returns the object as it will be served (see `EmbeddedLineList`).
    @discardableResult
    func upsert(_ object: StoredObject, into accountID: String) throws -> StoredObject {
        guard object.objectType == "account" || StripeCollection(objectType: object.objectType) != nil
        else {
            let known = StripeCollection.allCases.map(\.objectType).joined(separator: ", ")
            throw DatasetError("cannot store object type \(object.objectType); use account, \(known)")
        }
        return lock.withLock {
            var state = accounts[accountID] ?? addAccountLocked(accountID)
            var served = object
            if object.objectType == "account" {
                state.account = object
            } else if let collection = StripeCollection(objectType: object.objectType) {
                served = Self.trim(object, collection: collection, into: &state)
                state.indexes[collection, default: ObjectIndex()].upsert(served, sequence: nextSequence)
                nextSequence += 1
            }
            accounts[accountID] = state
            return served
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

    /// `object` as served: a parent whose embedded list is longer than a first page is trimmed
    /// and its whole list kept in `state`. An unreadable list is served as stored.
    private static func trim(
        _ object: StoredObject, collection: StripeCollection, into state: inout AccountState
    ) -> StoredObject {
        guard let list = EmbeddedLineList.of(collection) else { return object }
        guard let (served, items) = try? list.split(object) else {
            state.longLists[collection]?[object.id] = nil
            return object
        }
        state.longLists[collection, default: [:]][object.id] = items
        return served
    }

    private func addAccountLocked(_ accountID: String) -> AccountState {
        accountOrder.append(accountID)
        return AccountState(account: AccountObjectFactory.minimal(id: accountID, name: nil))
    }
}
