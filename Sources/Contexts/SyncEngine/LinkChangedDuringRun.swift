/// The business of a run was unlinked, or linked to another account, while the run went on.
struct LinkChangedDuringRun: Error, CustomStringConvertible {
    let businessID: String

    var description: String {
        "the link of business \(businessID) changed during the run; the run stopped and stored nothing more"
    }
}
