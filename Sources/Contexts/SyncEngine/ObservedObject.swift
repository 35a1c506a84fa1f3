/// A mirrored object and when its state was observed: the fetch time for a list page, the
/// event's time for an event. A state observed earlier never replaces one observed later.
struct ObservedObject: Sendable {
    let object: MirroredObject
    let observedAt: Int64
}

extension Array where Element == ObservedObject {
    /// Runs of consecutive objects sharing an observation time, in page order.
    func groupedByObservation() -> [(Int64, [MirroredObject])] {
        var out: [(Int64, [MirroredObject])] = []
        for item in self {
            if let last = out.last, last.0 == item.observedAt {
                out[out.count - 1].1.append(item.object)
            } else {
                out.append((item.observedAt, [item.object]))
            }
        }
        return out
    }
}
