/// How far a run got through one object type: the last object id stored (lists are walked
/// newest first, so the walk resumes after it), the objects stored so far, and whether the
/// type is finished. Written in the same transaction as the page it describes.
struct SyncCursor: Sendable, Equatable {
    var startingAfter: String?
    var count: Int
    var done: Bool

    static let start = SyncCursor(startingAfter: nil, count: 0, done: false)
}
