import RevenueQuery
import XCTest

/// A Stripe object as a test feeds it to the ledger: its `object` type and raw JSON.
struct LedgerTestObject {
    let type: String
    let json: String

    init(_ type: String, _ json: String) {
        self.type = type
        self.json = json
    }

    func facts(file: StaticString = #filePath, line: UInt = #line) throws -> StripeObjectFacts {
        let decoded = try StripeObjectFacts.decode(objectType: type, json: Array(json.utf8))
        return try XCTUnwrap(decoded, "object type \(type) was not recognised", file: file, line: line)
    }
}

extension AccountLedger {
    /// A ledger holding the given objects, upserted in order.
    static func holding(_ objects: [LedgerTestObject]) throws -> AccountLedger {
        var ledger = AccountLedger()
        try ledger.upsert(objects)
        return ledger
    }

    mutating func upsert(_ objects: [LedgerTestObject]) throws {
        for object in objects {
            upsert(try object.facts())
        }
    }
}

/// Deterministic shuffling for order-independence tests (SplitMix64).
struct LedgerSeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
