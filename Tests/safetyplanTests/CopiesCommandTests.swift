import Foundation
import Testing

/// End-to-end runs of the two copies and the discretion policy through the built tool:
/// `--audience`, `--discreet` on every document, and the form's stage warning.
@Suite struct CopiesCommandTests {
    static let sample = ["generate", "--data", "Samples/preparation.json", "--page-length", "0"]

    @Test func theYouthCopyIsTheDefault() throws {
        let plain = try ToolRunner.run(Self.sample)
        let youth = try ToolRunner.run(Self.sample + ["--audience", "youth"])
        #expect(plain.status == 0)
        #expect(plain.standardOutput == youth.standardOutput)
        #expect(!plain.standardOutput.contains("For the advocate"))
        #expect(!plain.standardOutput.contains("visit the drop-in center before choosing"), "advocateNotes")
        #expect(plain.standardOutput.contains("I stand up for my little brother"), "strengths")
    }

    @Test func theAdvocateCopyAddsTheAdvocatesPages() throws {
        let result = try ToolRunner.run(Self.sample + ["--audience", "advocate"])
        #expect(result.status == 0)
        let text = result.standardOutput
        #expect(text.contains("For the advocate\n----------------"))
        #expect(text.contains("Advocate notes: Jordan wants to visit the drop-in center before choosing"))
        #expect(text.contains("Earlier stages:\n\n- pre-contemplation (2026-06-10)\n- contemplation (2026-09-02)"))
        #expect(text.contains("CANRA"))
    }

    @Test(arguments: [
        ["generate", "--data", "Samples/preparation.json"],
        ["fill", "maintenance-support"],
        ["batch", "--data", "Samples/preparation.json", "-o", "never.txt"],
    ])
    func theAdvocateCopyIsNeverDiscreet(command: [String]) throws {
        let result = try ToolRunner.run(command + ["--audience", "advocate", "--discreet"])
        #expect(result.status == 64)
        #expect(
            result.standardError.contains(
                "Error: --discreet makes a copy to hand to the youth; the advocate copy is never discreet. Leave out --audience advocate or --discreet."
            ))
        #expect(result.standardOutput == "")
    }

    @Test(arguments: [["handout", "provider"], ["generate", "--template", "provider-handout", "--stage", "action"]])
    func theProviderHandoutHasNoDiscreetVersion(command: [String]) throws {
        let result = try ToolRunner.run(command + ["--discreet"])
        #expect(result.status == 64)
        #expect(
            result.standardError
                == "error: provider-handout is written for helpers and has no discreet version; --discreet is for what a youth keeps (plans, forms, the youth handout and the wallet card)\n"
        )
        #expect(result.standardOutput == "")
    }

    @Test(arguments: ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"])
    func theDiscreetYouthHandoutIsNeutral(stage: String) throws {
        let plain = try ToolRunner.run(["handout", "youth", "--stage", stage])
        let discreet = try ToolRunner.run(["handout", "youth", "--stage", stage, "--discreet"])
        #expect(discreet.status == 0)
        #expect(discreet.standardOutput != plain.standardOutput)
        #expect(discreet.standardOutput.hasPrefix("My page\n=======\n"))
        for word in ["National Human Trafficking Hotline", "Childhelp", "police", "child protection", "arrested"] {
            #expect(!discreet.standardOutput.contains(word), "\(stage): \(word)")
        }
    }

    @Test func theSampleDiscreetPlanRevealsNothing() throws {
        let result = try ToolRunner.run(Self.sample + ["--discreet"])
        #expect(result.status == 0)
        let text = result.standardOutput
        for word in ["blue sneakers", "Rivera", "Eastside", "Example Ave", "police", "child protection", "…"] {
            #expect(!text.contains(word), "\(word)")
        }
        #expect(text.contains("For: J. (they/them) · Made with: Ms. R. · Date: 2026-11-29"))
        #expect(text.contains("- Coach L. (basketball coach): 510-555-0110"))
        #expect(text.contains("If you have a code word with someone you trust, keep it in your head,\nnot on paper."))
    }

    @Test func aFormFilledWithAnotherStagesDataWarnsOnce() throws {
        let folder = try ToolRunner.temporaryFolder()
        try Data(#"{ "stage": "pre-contemplation", "goals": ["Sleep more"] }"#.utf8).write(
            to: folder.appendingPathComponent("early.json"))
        let result = try ToolRunner.run(["fill", "maintenance-support", "--data", "early.json"], in: folder)
        #expect(result.status == 0)
        #expect(
            result.standardError
                == "warning: the form maintenance-support is made for the maintenance stage, and the data file gives the stage pre-contemplation; it is filled anyway: read it with the youth before handing it over\n"
        )
        #expect(result.standardOutput.contains("1. Sleep more"))
    }
}
