import Foundation

/// The fixture objects from Fixtures/templates.json, with their placeholder values (random
/// integers, sample ids, fields removed at 2026-07-29.dahlia) replaced by realistic defaults.
struct TemplateSet {
    let account: ObjectTemplate
    let customer: ObjectTemplate
    let product: ObjectTemplate
    let price: ObjectTemplate
    let paymentIntent: ObjectTemplate
    let charge: ObjectTemplate
    let invoice: ObjectTemplate
    /// The fixture's invoice line item, for building `invoice.lines.data`.
    let invoiceLine: JSONObject
    let invoicePayment: ObjectTemplate
    let checkoutSession: ObjectTemplate
    let refund: ObjectTemplate
    let dispute: ObjectTemplate
    let event: ObjectTemplate

    static func load() throws -> TemplateSet {
        guard
            let url = Bundle.module.url(forResource: "Fixtures/templates", withExtension: "json")
                ?? Bundle.module.url(
                    forResource: "templates", withExtension: "json", subdirectory: "Fixtures"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw DatasetError("Fixtures/templates.json is missing from the StripeEmulatorKit resources")
        }
        guard let all = try JSONValue.parse([UInt8](data)).objectValue else {
            throw DatasetError("Fixtures/templates.json is not a JSON object")
        }
        func fixture(_ name: String) throws -> JSONObject {
            guard let object = all[name]?.objectValue else {
                throw DatasetError("Fixtures/templates.json lacks the \(name) fixture")
            }
            return object
        }
        let invoice = try fixture("invoice")
        let line = invoice["lines"]?["data"]?.arrayValue?.first?.objectValue ?? JSONObject()
        return TemplateSet(
            account: ObjectTemplate(TemplateCleanup.account(try fixture("account"))),
            customer: ObjectTemplate(TemplateCleanup.customer(try fixture("customer"))),
            product: ObjectTemplate(TemplateCleanup.product(try fixture("product"))),
            price: ObjectTemplate(TemplateCleanup.price(try fixture("price"))),
            paymentIntent: ObjectTemplate(TemplateCleanup.paymentIntent(try fixture("payment_intent"))),
            charge: ObjectTemplate(TemplateCleanup.charge(try fixture("charge"))),
            invoice: ObjectTemplate(TemplateCleanup.invoice(invoice)),
            invoiceLine: line,
            invoicePayment: ObjectTemplate(try fixture("invoice_payment")),
            checkoutSession: ObjectTemplate(
                TemplateCleanup.checkoutSession(try fixture("checkout.session"))),
            refund: ObjectTemplate(TemplateCleanup.refund(try fixture("refund"))),
            dispute: ObjectTemplate(TemplateCleanup.dispute(try fixture("dispute"))),
            event: ObjectTemplate(TemplateCleanup.event(try fixture("event")))
        )
    }
}
