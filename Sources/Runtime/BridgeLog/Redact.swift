/// Shapes of sensitive values safe to put in a log line.
public enum Redact {
    /// `a@example.com` → `a…@example.com`; enough to correlate, not enough to identify.
    public static func email(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), at != email.startIndex else { return "…" }
        return String(email[email.startIndex]) + "…" + String(email[at...])
    }

    /// Keeps a key's prefix (`sk_test_`, `whsec_`) and drops the rest.
    public static func secret(_ secret: String) -> String {
        guard let underscore = secret.lastIndex(of: "_") else { return "…" }
        return String(secret[...underscore]) + "…"
    }
}
