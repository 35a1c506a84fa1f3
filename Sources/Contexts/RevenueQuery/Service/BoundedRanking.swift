/// The best `limit` of a stream of candidates in rank order, kept in a heap of `limit`
/// elements: ranking 200,000 customers for one page costs a pass and a few comparisons each
/// instead of sorting them all.
struct BoundedRanking<Element> {
    private let limit: Int
    private let ranksBefore: (Element, Element) -> Bool
    /// A heap whose root is the kept element ranked last, the first to give way.
    private var heap: [Element] = []
    /// Every candidate offered, kept or not.
    private(set) var offered = 0

    init(limit: Int, ranksBefore: @escaping (Element, Element) -> Bool) {
        self.limit = limit
        self.ranksBefore = ranksBefore
        heap.reserveCapacity(limit)
    }

    mutating func offer(_ candidate: Element) {
        offered += 1
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if ranksBefore(candidate, heap[0]) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept candidates, best first.
    func ranked() -> [Element] { heap.sorted(by: ranksBefore) }

    /// A parent ranks after its children: the root is the worst kept.
    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranksBefore(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count {
                if ranksBefore(heap[worst], heap[child]) { worst = child }
            }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
