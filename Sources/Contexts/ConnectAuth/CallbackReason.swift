/// Why a Connect callback did not link the account; sent to the settings page as `reason`.
public enum CallbackReason: String, Sendable {
    case invalidState = "invalid_state"
    case forgedState = "forged_state"
    case expiredState = "expired_state"
    case replayedState = "replayed_state"
    case accessDenied = "access_denied"
    case stripeError = "stripe_error"
    case missingCode = "missing_code"
    case invalidGrant = "invalid_grant"
    case tokenExchangeFailed = "token_exchange_failed"
    case accountInUse = "account_in_use"
    case storageFailed = "storage_failed"
}
