// Parser, lowering and checker on arbitrary bytes: no crash, no hang, and every
// finding's range lies inside the input.
import AgendaBase

func fuzzAnalyze(_ input: UnsafeBufferPointer<UInt8>) {
    analyzeChecked(sourceText(input), context: isolatedContext())
}
