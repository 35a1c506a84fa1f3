import Foundation

/// The display name of a connected account, from the first field that has one:
/// business_profile.name, settings.dashboard.display_name, company.name, the individual's
/// first and last name, email, then the account id.
enum AccountName {
    static func of(account: [String: Any], id: String) -> String {
        func text(_ path: String...) -> String? {
            var node: Any? = account
            for key in path { node = (node as? [String: Any])?[key] }
            let value = (node as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
            return value?.isEmpty == false ? value : nil
        }
        let individual = [text("individual", "first_name"), text("individual", "last_name")].compactMap { $0 }
        return text("business_profile", "name")
            ?? text("settings", "dashboard", "display_name")
            ?? text("company", "name")
            ?? (individual.isEmpty ? nil : individual.joined(separator: " "))
            ?? text("email")
            ?? id
    }
}
