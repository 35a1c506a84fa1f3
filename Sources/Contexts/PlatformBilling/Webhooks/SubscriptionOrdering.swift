/// Whether a subscription event may replace what is stored, judged by event `created` seconds.
///
/// A newer second wins; an older one never overwrites. Two events in the same second cannot be
/// ordered from their bodies, so the current subscription must be read from Stripe.
enum SubscriptionOrdering: Equatable {
    case applyBody
    case ignoreStale
    case readCurrentFromStripe

    static func decide(stored: Int64?, incoming: Int64) -> SubscriptionOrdering {
        guard let stored else { return .applyBody }
        if incoming > stored { return .applyBody }
        if incoming < stored { return .ignoreStale }
        return .readCurrentFromStripe
    }
}
