/// Trimmed Stripe objects (API 2026-07-29.dahlia) for the money scenarios. Ids and emails are
/// made up; amounts are minor units.
enum LedgerScenarioObjects {
    /// S06: subscription bought through Checkout; the invoice reaches pi_1 only through an
    /// InvoicePayment.
    static let s06: [LedgerTestObject] = [
        .init("customer", #"{"id":"cus_1","object":"customer","email":"a@example.com"}"#),
        .init(
            "checkout.session",
            """
            {"id":"cs_1","object":"checkout.session","mode":"subscription","status":"complete",
             "payment_status":"paid","amount_total":4900,"currency":"usd","customer":"cus_1",
             "customer_details":{"email":"a@example.com"},"invoice":"in_1",
             "payment_intent":null,"created":1700000000}
            """),
        .init(
            "invoice",
            """
            {"id":"in_1","object":"invoice","status":"paid","amount_paid":4900,"currency":"usd",
             "customer":"cus_1","customer_email":"a@example.com","created":1700000010,
             "status_transitions":{"paid_at":1700000070},
             "parent":{"type":"subscription_details","subscription_details":{"subscription":"sub_1"}}}
            """),
        .init(
            "invoice_payment",
            """
            {"id":"inpay_1","object":"invoice_payment","invoice":"in_1","status":"paid",
             "amount_paid":4900,"currency":"usd","is_default":true,
             "payment":{"type":"payment_intent","payment_intent":"pi_1"},
             "status_transitions":{"paid_at":1700000070,"canceled_at":null}}
            """),
        .init(
            "payment_intent",
            """
            {"id":"pi_1","object":"payment_intent","status":"succeeded","amount":4900,
             "amount_received":4900,"currency":"usd","customer":"cus_1","latest_charge":"ch_1",
             "receipt_email":null,"created":1700000020}
            """),
        .init(
            "charge",
            """
            {"id":"ch_1","object":"charge","status":"succeeded","captured":true,"paid":true,
             "amount":4900,"amount_captured":4900,"amount_refunded":0,"currency":"usd",
             "customer":"cus_1","payment_intent":"pi_1","billing_details":{"email":null},
             "created":1700000060,"disputed":false}
            """),
    ]

    /// S08: guest checkout in euros, no customer anywhere.
    static let s08Session = LedgerTestObject(
        "checkout.session",
        """
        {"id":"cs_4","object":"checkout.session","mode":"payment","status":"complete",
         "payment_status":"paid","amount_total":2500,"currency":"eur","customer":null,
         "customer_details":{"email":"c@example.com"},"payment_intent":"pi_4","created":1700001000}
        """)
    static let s08PaymentIntent = LedgerTestObject(
        "payment_intent",
        """
        {"id":"pi_4","object":"payment_intent","status":"succeeded","amount_received":2500,
         "currency":"eur","customer":null,"receipt_email":"c@example.com","latest_charge":"ch_4",
         "created":1700001001}
        """)
    static let s08Charge = LedgerTestObject(
        "charge",
        """
        {"id":"ch_4","object":"charge","status":"succeeded","captured":true,"amount_captured":2500,
         "amount_refunded":0,"currency":"eur","payment_intent":"pi_4",
         "billing_details":{"email":"c@example.com"},"created":1700001002}
        """)
    static let s08 = [s08Session, s08PaymentIntent, s08Charge]

    /// S10: a legacy charge without PaymentIntent, later partly refunded.
    static let s10Customer = LedgerTestObject(
        "customer", #"{"id":"cus_6","object":"customer","email":"f@example.com"}"#)
    static func s10Charge(refunded: Int) -> LedgerTestObject {
        LedgerTestObject(
            "charge",
            """
            {"id":"ch_6","object":"charge","status":"succeeded","captured":true,"amount":4900,
             "amount_captured":4900,"amount_refunded":\(refunded),"refunded":false,
             "currency":"usd","customer":"cus_6","payment_intent":null,"created":1700002000}
            """)
    }

    /// A card payment whose dispute was lost in full.
    static let lostDispute: [LedgerTestObject] = [
        .init(
            "payment_intent",
            """
            {"id":"pi_d","object":"payment_intent","status":"succeeded","amount_received":5000,
             "currency":"usd","receipt_email":"g@example.com","latest_charge":"ch_d","created":1}
            """),
        .init(
            "charge",
            """
            {"id":"ch_d","object":"charge","status":"succeeded","captured":true,
             "amount_captured":5000,"amount_refunded":0,"currency":"usd","payment_intent":"pi_d",
             "disputed":true,"created":2}
            """),
        .init(
            "dispute",
            """
            {"id":"dp_1","object":"dispute","charge":"ch_d","payment_intent":null,"amount":5000,
             "currency":"usd","status":"lost"}
            """),
    ]
}
