import AgendaBase
import AgendaCLI
import Foundation
import Testing

/// `agendac check --format sarif`: valid SARIF 2.1.0 (checked against the
/// official schema, vendored in `Tests/Fixtures/sarif`, by Python's
/// `jsonschema`), results on the lines and UTF-16 columns of the findings.
@Suite struct SARIFTests {
    static let schema = Golden.fixtures.appendingPathComponent("sarif/sarif-schema-2.1.0.json")

    /// A file name that needs percent-encoding, and an emoji (two UTF-16 code units) before a finding on its line.
    static let fileName = "mø de.agenda"
    static let document = """
        møde: Ø
        dato: 2026-05-04
        deltagere: 🙂 Per (A), Jens (B)
        fraværende: 🙂 Per, Hans 🙂 Hansen
        punkt 1: Åbning
        sagsnr: ææ/1
        resume:
        x

        """

    static func sarif(for text: String, named name: String) throws -> (code: Int32, output: String) {
        let folder = temporaryTestFolder("agendac-sarif")
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        let code = CLI.run(["check", name, "--format", "sarif"], io: output.io(in: folder))
        return (code, output.standardOutput)
    }

    /// Validates with Draft 4 (the schema's own `$schema`), formats checked where jsonschema can.
    static let validator = """
        import json, sys
        from jsonschema import Draft4Validator
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft4Validator.check_schema(schema)
        log = json.load(sys.stdin)
        errors = sorted(Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER).iter_errors(log), key=lambda e: list(e.absolute_path))
        for error in errors:
            print("/".join(map(str, error.absolute_path)) or "<root>", error.message)
        print("valid" if not errors else "invalid")
        """

    /// Runs the validator with the `python3` on PATH (scripts/test installs jsonschema
    /// when it is missing); a machine without them fails here rather than skipping.
    static func validate(_ sarif: String) throws -> String {
        let result = try RunProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", validator, schema.path],
                                        input: sarif, timeoutSeconds: 60)
        #expect(result.code == 0, "the validator failed; python3 with jsonschema is needed (python3 -m pip install jsonschema): \(result.errors)")
        return result.output
    }

    @Test func findingsValidateAgainstTheSARIFSchema() throws {
        let (code, output) = try Self.sarif(for: Self.document, named: Self.fileName)
        #expect(code == 1)
        let verdict = try Self.validate(output)
        #expect(verdict.hasSuffix("valid\n") && !verdict.contains("invalid"), "\(verdict)")
    }

    @Test func everySampleValidatesAgainstTheSARIFSchema() throws {
        let output = CapturedOutput()
        let code = CLI.run(["check", "samples", "--format", "sarif"], io: output.io(in: Golden.packageRoot))
        #expect(code == 0)
        let verdict = try Self.validate(output.standardOutput)
        #expect(verdict == "valid\n", "\(verdict)")
    }

    @Test func schemaRejectsWhatIsNotSARIF() throws {
        // the validator really validates: a result without a message is refused
        let broken = #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "agendac"}}, "results": [{"ruleId": "AG200"}]}]}"#
        #expect(try Self.validate(broken).hasSuffix("invalid\n"))
    }

    @Test func resultsPointAtTheFindingInUTF16Columns() throws {
        let log = try JSON.parse(try Self.sarif(for: Self.document, named: Self.fileName).output)
        let run = try #require(log["runs"]?[0])
        #expect(log["version"]?.stringValue == "2.1.0")
        #expect(run["columnKind"]?.stringValue == "utf16CodeUnits")
        let rules = run["tool"]?["driver"]?["rules"]?.arrayValue ?? []
        #expect(rules.compactMap { $0["id"]?.stringValue } == Rule.allCases.map(\.code))
        let results = run["results"]?.arrayValue ?? []

        let absentee = try #require(results.first { $0["ruleId"]?.stringValue == "AG500" })
        #expect(absentee["level"]?.stringValue == "warning")
        let location = try #require(absentee["locations"]?[0]?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"]?.stringValue == "m%C3%B8%20de.agenda")
        let line = "fraværende: 🙂 Per, Hans 🙂 Hansen"
        let name = try #require(line.range(of: "Hans 🙂 Hansen"))
        let startColumn = line[..<name.lowerBound].utf16.count + 1
        #expect(location["region"]?["startLine"]?.intValue == 4)
        #expect(location["region"]?["startColumn"]?.intValue == startColumn)
        #expect(location["region"]?["endLine"]?.intValue == 4)
        #expect(location["region"]?["endColumn"]?.intValue == startColumn + "Hans 🙂 Hansen".utf16.count)

        let caseNumber = try #require(results.first { $0["ruleId"]?.stringValue == "AG200" })
        #expect(caseNumber["level"]?.stringValue == "error")
        #expect(caseNumber["message"]?["text"]?.stringValue?.contains("ææ/1") == true)
        let index = try #require(caseNumber["ruleIndex"]?.intValue)
        #expect(rules[index]["id"]?.stringValue == "AG200")
        #expect(caseNumber["locations"]?[0]?["physicalLocation"]?["region"]?["startLine"]?.intValue == 6)
    }

    @Test func pathsBecomeURIReferences() throws {
        let log = try JSON.parse(try Self.sarif(for: "møde: X\ndato: 2026-02-30\n", named: "r#1?.agenda").output)
        let uri = log["runs"]?[0]?["results"]?[0]?["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.stringValue
        #expect(uri == "r%231%3F.agenda")
    }
}
