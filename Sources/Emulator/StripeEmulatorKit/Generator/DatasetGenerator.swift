/// Builds a deterministic dataset of Stripe objects and the totals a correct revenue pipeline
/// must derive from it. Same options, same bytes. See docs/dataset-format.md for what it makes.
public struct DatasetGenerator: Sendable {
    public var customers: Int
    public var seed: UInt64
    public var accounts: Int

    public init(customers: Int, seed: UInt64, accounts: Int = 1) {
        self.customers = max(0, customers)
        self.seed = seed
        self.accounts = max(1, accounts)
    }

    /// The fixed "now" of a dataset: every `created` lies in the ~400 days before it.
    public var epoch: Int64 { 1_780_000_000 + Int64(seed % 10_000_000) }

    /// The ids of the generated accounts: `acct_demo`, `acct_demo2`, …
    public static func accountID(index: Int) -> String {
        index == 0 ? "acct_demo" : "acct_demo\(index + 1)"
    }

    public func generate() throws -> (dataset: EmulatorDataset, expected: ExpectedTotals) {
        let templates = try TemplateSet.load()
        var dataset = EmulatorDataset()
        dataset.defaultOAuthAccount = Self.accountID(index: 0)
        var records: [PurchaseRecord] = []
        for index in 0..<accounts {
            var builder = AccountBuilder(
                accountID: Self.accountID(index: index), accountIndex: index, seed: seed, epoch: epoch,
                customers: customers, templates: templates
            )
            let (data, accountRecords) = builder.build()
            dataset.setAccount(Self.accountID(index: index), data)
            records += accountRecords
        }
        var expected = ExpectedTotals(records: records)
        for index in 0..<accounts where expected.accounts[Self.accountID(index: index)] == nil {
            expected.accounts[Self.accountID(index: index)] = AccountTotals()
        }
        return (dataset, expected)
    }
}
