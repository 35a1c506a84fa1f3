/// Scenario accounts as emulator datasets: trimmed Stripe JSON at 2026-07-29.dahlia.
enum ScenarioDatasets {
    static let chargeTime = 1_767_225_600

    /// S06 (subscription bought through Checkout), S07 (invoice linked only through an
    /// InvoicePayment) and S08 (guest checkout) in one connected account.
    static let deduplication = """
        {
          "oauth": {"default_account": "acct_scenarios"},
          "accounts": {
            "acct_scenarios": {
              "account": {"id": "acct_scenarios", "object": "account",
                          "business_profile": {"name": "Scenario Shop"}, "email": "owner@example.com"},
              "customers": [
                {"id": "cus_1", "object": "customer", "email": "a@example.com", "created": 1767225000},
                {"id": "cus_2", "object": "customer", "email": "b@example.com", "created": 1767225001}
              ],
              "checkout_sessions": [
                {"id": "cs_1", "object": "checkout.session", "mode": "subscription", "status": "complete",
                 "payment_status": "paid", "amount_total": 4900, "currency": "usd", "customer": "cus_1",
                 "customer_details": {"email": "a@example.com"}, "invoice": "in_1", "subscription": "sub_1",
                 "payment_intent": null, "created": 1767225500},
                {"id": "cs_4", "object": "checkout.session", "mode": "payment", "status": "complete",
                 "payment_status": "paid", "amount_total": 2500, "currency": "eur", "customer": null,
                 "customer_details": {"email": "c@example.com"}, "invoice": null, "payment_intent": "pi_4",
                 "line_items": {"object": "list", "has_more": false, "data": [
                   {"id": "li_4", "object": "item", "description": "Espresso machine", "quantity": 1,
                    "amount_total": 2500, "currency": "eur",
                    "price": {"id": "price_4", "object": "price", "product": "prod_4"}}]},
                 "created": 1767225510}
              ],
              "invoices": [
                {"id": "in_1", "object": "invoice", "status": "paid", "amount_paid": 4900, "currency": "usd",
                 "customer": "cus_1", "customer_email": "a@example.com", "created": 1767225500,
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_1"}},
                 "status_transitions": {"paid_at": 1767225600}},
                {"id": "in_2", "object": "invoice", "status": "paid", "amount_paid": 4900, "currency": "usd",
                 "customer": "cus_2", "customer_email": "b@example.com", "created": 1767225520,
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_2"}},
                 "status_transitions": {"paid_at": 1767225620}}
              ],
              "invoice_payments": [
                {"id": "inpay_1", "object": "invoice_payment", "invoice": "in_1", "status": "paid",
                 "amount_paid": 4900, "amount_requested": 4900, "currency": "usd", "is_default": true,
                 "payment": {"type": "payment_intent", "payment_intent": "pi_1"},
                 "status_transitions": {"paid_at": 1767225600}, "created": 1767225500},
                {"id": "inpay_2", "object": "invoice_payment", "invoice": "in_2", "status": "paid",
                 "amount_paid": 4900, "amount_requested": 4900, "currency": "usd", "is_default": true,
                 "payment": {"type": "payment_intent", "payment_intent": "pi_2"},
                 "status_transitions": {"paid_at": 1767225620}, "created": 1767225520}
              ],
              "payment_intents": [
                {"id": "pi_1", "object": "payment_intent", "status": "succeeded", "amount": 4900,
                 "amount_received": 4900, "currency": "usd", "customer": "cus_1", "latest_charge": "ch_1",
                 "created": 1767225590},
                {"id": "pi_2", "object": "payment_intent", "status": "succeeded", "amount": 4900,
                 "amount_received": 4900, "currency": "usd", "customer": "cus_2", "latest_charge": "ch_2",
                 "created": 1767225610},
                {"id": "pi_4", "object": "payment_intent", "status": "succeeded", "amount": 2500,
                 "amount_received": 2500, "currency": "eur", "customer": null, "latest_charge": "ch_4",
                 "receipt_email": "c@example.com", "created": 1767225515}
              ],
              "charges": [
                {"id": "ch_1", "object": "charge", "status": "succeeded", "captured": true, "paid": true,
                 "amount": 4900, "amount_captured": 4900, "amount_refunded": 0, "currency": "usd",
                 "customer": "cus_1", "payment_intent": "pi_1", "billing_details": {"email": null},
                 "created": 1767225600},
                {"id": "ch_2", "object": "charge", "status": "succeeded", "captured": true, "paid": true,
                 "amount": 4900, "amount_captured": 4900, "amount_refunded": 0, "currency": "usd",
                 "customer": "cus_2", "payment_intent": "pi_2", "billing_details": {"email": null},
                 "created": 1767225620},
                {"id": "ch_4", "object": "charge", "status": "succeeded", "captured": true, "paid": true,
                 "amount": 2500, "amount_captured": 2500, "amount_refunded": 0, "currency": "eur",
                 "customer": null, "payment_intent": "pi_4", "receipt_email": "c@example.com",
                 "billing_details": {"email": "c@example.com"}, "created": 1767225515}
              ]
            }
          }
        }
        """
}
