extension CustomerFacts {
    /// These facts combined with an earlier snapshot of the same customer.
    ///
    /// When either snapshot is deleted the result is deleted and keeps every known field,
    /// preferring the live snapshot's; otherwise the newer snapshot wins whole (an email that
    /// was cleared stays cleared).
    func merged(keeping earlier: CustomerFacts?) -> CustomerFacts {
        guard let earlier, deleted || earlier.deleted else { return self }
        let live = deleted ? earlier : self
        let gone = deleted ? self : earlier
        return CustomerFacts(
            id: id,
            email: live.email ?? gone.email,
            name: live.name ?? gone.name,
            deleted: true
        )
    }
}
