/// Replaces the fixtures' placeholder values with what a real test-mode object would carry.
/// Fields every generated object sets anyway (ids, amounts, times) are left alone here.
enum TemplateCleanup {
    static func account(_ object: JSONObject) -> JSONObject {
        var object = object
        object["charges_enabled"] = true
        object["details_submitted"] = true
        object["payouts_enabled"] = true
        object.set(path: "requirements.currently_due", .array([]))
        object.set(path: "requirements.eventually_due", .array([]))
        object.set(path: "requirements.disabled_reason", nil)
        return object
    }

    static func customer(_ object: JSONObject) -> JSONObject {
        var object = object
        object["discount"] = .null
        object["shipping"] = .null
        return object
    }

    static func product(_ object: JSONObject) -> JSONObject {
        var object = object
        object["package_dimensions"] = .null
        object["type"] = "service"
        return object
    }

    static func price(_ object: JSONObject) -> JSONObject {
        var object = object
        object["custom_unit_amount"] = .null
        object["transform_quantity"] = .null
        return object
    }

    static func paymentIntent(_ object: JSONObject) -> JSONObject {
        var object = object
        object["canceled_at"] = .null
        object["last_payment_error"] = .null
        object["next_action"] = .null
        object["processing"] = .null
        object["transfer_data"] = .null
        object["payment_method_configuration_details"] = .null
        object["shipping"] = .null
        object["managed_payments"] = .null
        return object
    }

    static func charge(_ object: JSONObject) -> JSONObject {
        var object = object
        object["source"] = .null
        object["transfer_data"] = .null
        object["shipping"] = .null
        object["calculated_statement_descriptor"] = "DEMO SHOP"
        // A plain card payment: no wallet, no 3-D Secure run, no installment plan.
        object.set(path: "payment_method_details.card.wallet", nil)
        object.set(path: "payment_method_details.card.three_d_secure", nil)
        object.set(path: "payment_method_details.card.installments", nil)
        object["outcome"] = .object(
            JSONObject([
                ("advice_code", nil), ("network_advice_code", nil), ("network_decline_code", nil),
                ("network_status", "approved_by_network"), ("reason", nil), ("risk_level", "normal"),
                ("seller_message", "Payment complete."), ("type", "authorized"),
            ])
        )
        return object
    }

    static func invoice(_ object: JSONObject) -> JSONObject {
        var object = object
        // Removed at 2025-03-31.basil: the subscription lives under parent.subscription_details.
        object.removeValue(forKey: "subscription")
        object["amount_overpaid"] = 0
        object["shipping_cost"] = .null
        object["shipping_details"] = .null
        object["customer_shipping"] = .null
        object["from_invoice"] = .null
        object["last_finalization_error"] = .null
        object["next_payment_attempt"] = .null
        object["due_date"] = .null
        object["attempt_count"] = 1
        object["attempted"] = true
        object["auto_advance"] = false
        object.set(path: "payment_settings.payment_method_options", nil)
        return object
    }

    static func checkoutSession(_ object: JSONObject) -> JSONObject {
        var object = object
        object["after_expiration"] = .null
        object["consent"] = .null
        object["consent_collection"] = .null
        object["custom_text"] = .object(
            JSONObject([
                ("after_submit", nil), ("shipping_address", nil), ("submit", nil),
                ("terms_of_service_acceptance", nil),
            ])
        )
        object["shipping_address_collection"] = .null
        object["shipping_cost"] = .null
        object["collected_information"] = .null
        object["currency_conversion"] = .null
        object["payment_method_configuration_details"] = .null
        object["saved_payment_method_options"] = .null
        object["managed_payments"] = .null
        object["url"] = .null
        object["total_details"] = .object(
            JSONObject([("amount_discount", 0), ("amount_shipping", 0), ("amount_tax", 0)])
        )
        object["discounts"] = .array([])
        return object
    }

    static func refund(_ object: JSONObject) -> JSONObject {
        var object = object
        object["reason"] = "requested_by_customer"
        return object
    }

    static func dispute(_ object: JSONObject) -> JSONObject {
        var object = object
        object["is_charge_refundable"] = false
        object["enhanced_eligibility_types"] = .array([])
        return object
    }

    static func event(_ object: JSONObject) -> JSONObject {
        var object = object
        object["api_version"] = .string(StripeEmulator.apiVersion)
        return object
    }
}
