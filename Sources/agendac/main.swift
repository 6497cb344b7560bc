import AgendaCLI
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
