// The KLE-XML reader: any text is read without a crash or a hang, and the plan
// it yields drives the checker's case-number rules.
import AgendaBase
import AgendaSemantics

func fuzzKLEXML(_ input: UnsafeBufferPointer<UInt8>) {
    var plan = KLEPlan()
    plan.read(xml: String(decoding: input, as: UTF8.self))
    analyzeChecked(settingsProbeDocument, context: isolatedContext(klePlan: plan))
}
