/// Where a sync job stands.
public enum SyncJobState: String, Sendable {
    case running
    case succeeded
    case failed
}
