import BridgeStore

/// Writes a read model straight into RevenueQuery's SQLite file: customers and legacy charges
/// (one payment each), spread over a few currencies, in one transaction.
enum BenchDataset {
    static let business = "biz_bench"

    static func email(_ index: Int) -> String { "buyer\(index)@example.com" }

    static func write(into database: Database, customers: Int, payments: Int) throws {
        try database.transaction {
            try database.execute(
                "INSERT INTO businesses (business_id, stripe_account_id, connected) VALUES (?, 'acct_bench', 1)",
                [.text(business)]
            )
            let insert =
                "INSERT INTO objects (business_id, object_type, object_id, version, json) VALUES (?, ?, ?, 1, ?)"
            for index in 0..<customers {
                let json = #"""
                    {"id":"cus_\#(index)","object":"customer","email":"\#(email(index))","name":"Buyer Nº\#(index)"}
                    """#
                try database.execute(
                    insert, [.text(business), .text("customer"), .text("cus_\(index)"), .blob(Array(json.utf8))])
            }
            let currencies = ["usd", "usd", "usd", "eur", "jpy"]
            for index in 0..<payments {
                let refunded = index % 10 == 0 ? 500 : 0
                let json = """
                    {"id":"ch_\(index)","object":"charge","status":"succeeded","captured":true,\
                    "amount_captured":\(1_000 + index % 9_000),"amount_refunded":\(refunded),\
                    "currency":"\(currencies[index % currencies.count])","customer":"cus_\(index % customers)",\
                    "created":\(1_700_000_000 + index * 7)}
                    """
                try database.execute(
                    insert, [.text(business), .text("charge"), .text("ch_\(index)"), .blob(Array(json.utf8))])
            }
        }
    }
}
