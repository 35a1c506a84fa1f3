extension Int64 {
    /// `self + other`, held at the bounds instead of trapping: amounts come from outside.
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, held at the bounds instead of trapping.
    func saturatingSubtract(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }
}

extension Sequence {
    /// The saturating sum of an amount taken from each element. Stripe's amounts are never
    /// negative: one that is counts as 0, so a bad refund cannot raise what was spent.
    func sumOfAmounts(_ amount: (Element) -> Int64) -> Int64 {
        reduce(0) { $0.saturatingAdd(Swift.max(0, amount($1))) }
    }
}
