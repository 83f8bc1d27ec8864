import Foundation
import Testing

/// `--format pdf`: the HTML printed by headless Chromium, end to end.
@Suite struct PDFCommandTests {
    /// A program on `PATH`, or nil.
    static func program(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Chromium, pdfinfo and pdftotext are all installed (CI installs them).
    static let hasTools =
        ["chromium", "chromium-browser", "google-chrome"].contains { program($0) != nil }
        && program("pdfinfo") != nil && program("pdftotext") != nil

    /// Runs a poppler tool on `pdf` and returns its output.
    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program(tool)!)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func pageCount(_ pdf: String) throws -> Int? {
        let info = try poppler("pdfinfo", [pdf])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// Makes a PDF with a private temporary folder and checks that nothing is left in it.
    static func makePDF(_ arguments: [String]) throws -> (pdf: String, text: String, pages: Int?) {
        let folder = try ToolRunner.temporaryFolder()
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let pdf = folder.appendingPathComponent("out.pdf").path
        let result = try ToolRunner.run(
            arguments + ["--format", "pdf", "-o", pdf], environment: ["TMPDIR": temporary.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [], "temporary files left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out.pdf", "tmp"])
        let attributes = try FileManager.default.attributesOfItem(atPath: pdf)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.contents(atPath: pdf)?.starts(with: Array("%PDF-".utf8)) == true)
        let text = try poppler("pdftotext", ["-layout", pdf, "-"])
        return (pdf, text, try pageCount(pdf))
    }

    @Test(.enabled(if: hasTools, "needs chromium and poppler-utils (pdfinfo, pdftotext), which CI installs"))
    func samplePlanAsPDF() throws {
        let (_, youthText, youthPages) = try Self.makePDF(["generate", "--data", "Samples/preparation.json"])
        // The youth copy: measured 3 Letter pages with Chromium 156; a page either way for fonts.
        #expect((2...4).contains(youthPages ?? 0), "pages: \(String(describing: youthPages))")
        for expected in ["My Safety Plan", "What I am good at", "I stand up for my little brother", "blue sneakers"] {
            #expect(youthText.contains(expected), "\(expected) is missing from the youth copy")
        }
        for absent in ["For the advocate", "visit the drop-in center before choosing"] {
            #expect(!youthText.contains(absent), "\(absent) is in the youth copy")
        }
        let (_, text, pages) = try Self.makePDF([
            "generate", "--data", "Samples/preparation.json", "--audience", "advocate",
        ])
        // The advocate copy: measured 6 Letter pages with Chromium 156.
        #expect((5...7).contains(pages ?? 0), "pages: \(String(describing: pages))")
        for expected in [
            "My Safety Plan", "My goals", "People on my side", "A safe place to stay", "Staying safe",
            "Lines I can call or text", "For the advocate", "Jordan (they/them)", "Finish 10th grade",
            "Aunt Denise", "(510) 555-0187", "blue sneakers", "Page 1 of \(pages ?? 0)",
        ] {
            #expect(text.contains(expected), "\(expected) is missing from the PDF text")
        }
    }

    @Test(.enabled(if: hasTools, "needs chromium and poppler-utils (pdfinfo, pdftotext), which CI installs"))
    func formAndHandoutsAsPDF() throws {
        let form = try Self.makePDF(["fill", "maintenance-support", "--data", "Samples/maintenance-support.json"])
        #expect((2...4).contains(form.pages ?? 0))
        #expect(form.text.contains("My Support Plan") && form.text.contains("Grandma Rose"))
        // The youth handout is one printed page and the provider handout two, by design.
        let youth = try Self.makePDF(["handout", "youth", "--stage", "contemplation"])
        #expect(youth.pages == 1)
        #expect(youth.text.contains("Page 1 of 1"))
        let provider = try Self.makePDF(["handout", "provider"])
        #expect(provider.pages == 2)
    }

    @Test func withoutChromiumTheErrorSaysWhatToInstallAndNoFileIsWritten() throws {
        let folder = try ToolRunner.temporaryFolder()
        let pdf = folder.appendingPathComponent("plan.pdf").path
        for environment in [["SAFETYPLAN_CHROMIUM": "", "PATH": "/nonexistent"]] {
            let result = try ToolRunner.run(
                ["generate", "--stage", "action", "--format", "pdf", "-o", pdf], environment: environment)
            #expect(result.status == 1)
            #expect(
                result.standardError
                    == "error: --format pdf needs Chromium; install it with 'apt-get install chromium' or set SAFETYPLAN_CHROMIUM to its path\n"
            )
            #expect(result.standardOutput == "")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        }
    }

    @Test func pdfNeedsAnOutputFile() throws {
        let result = try ToolRunner.run(["generate", "--stage", "action", "--format", "pdf"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --format pdf writes a file: give -o FILE.\n"))
        #expect(result.standardOutput == "")
    }
}

/// The wallet card printed to PDF: the page is the paper asked for, and the card measured
/// on the page (between its crop marks, at 300 dpi) is 85.6 × 54 mm within 0.5 mm.
@Suite struct CardPDFTests {
    static let hasTools = PDFCommandTests.hasTools && PDFCommandTests.program("pdftoppm") != nil

    /// A grey image: `pdftoppm -gray` output (binary PGM, `P5`).
    struct GreyImage {
        var width: Int
        var height: Int
        var pixels: [UInt8]

        init(pgm bytes: [UInt8]) throws {
            // The header: "P5", width, height, maximum value, each after white space, then
            // one white space character and the pixels.
            var fields: [Int] = []
            var index = 2
            guard bytes.starts(with: Array("P5".utf8)) else { throw CocoaError(.fileReadCorruptFile) }
            while fields.count < 3 {
                while bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                    index += 1
                }
                var value = 0
                while (0x30...0x39).contains(bytes[index]) {
                    value = value * 10 + Int(bytes[index] - 0x30)
                    index += 1
                }
                fields.append(value)
            }
            index += 1
            (width, height) = (fields[0], fields[1])
            guard fields[2] == 255, bytes.count - index >= width * height else {
                throw CocoaError(.fileReadCorruptFile)
            }
            pixels = Array(bytes[index..<index + width * height])
        }

        func isDark(_ x: Int, _ y: Int) -> Bool { pixels[y * width + x] < 64 }

        /// The centres of the groups of neighbouring columns (or rows) that hold a dark
        /// run at least `length` pixels long across them: the crop marks, which are 4 mm
        /// long; no glyph of the card's 8.5pt and 10.5pt text is that tall or wide, and the
        /// card's grey border is lighter than the threshold.
        func lineCentres(vertical: Bool, length: Int) -> [Double] {
            let (count, along) = vertical ? (width, height) : (height, width)
            var hits: [Int] = []
            for line in 0..<count {
                var run = 0
                var longest = 0
                for step in 0..<along {
                    let dark = vertical ? isDark(line, step) : isDark(step, line)
                    run = dark ? run + 1 : 0
                    longest = max(longest, run)
                }
                if longest >= length { hits.append(line) }
            }
            var groups: [[Int]] = []
            for hit in hits {
                if let last = groups.last?.last, hit - last <= 1 {
                    groups[groups.count - 1].append(hit)
                } else {
                    groups.append([hit])
                }
            }
            return groups.map { Double($0.reduce(0, +)) / Double($0.count) }
        }
    }

    static func measure(_ arguments: [String]) throws -> (pageSize: String, width: Double, height: Double) {
        let (pdf, text, pages) = try PDFCommandTests.makePDF(["handout", "card"] + arguments)
        #expect(pages == 2, "fronts on one sheet, backs on the other")
        #expect(text.contains("My numbers"))
        #expect(!text.contains("Rivera") && !text.contains("blue sneakers"))
        let info = try PDFCommandTests.poppler("pdfinfo", [pdf])
        let pageSize = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        let prefix = pdf + "-page"
        _ = try PDFCommandTests.poppler(
            "pdftoppm", ["-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", pdf, prefix])
        let image = try GreyImage(pgm: Array(try Data(contentsOf: URL(fileURLWithPath: prefix + ".pgm"))))
        let dotsPerMillimetre = 300 / 25.4
        let markLength = Int(3.4 * dotsPerMillimetre)
        let columns = image.lineCentres(vertical: true, length: markLength)
        let rows = image.lineCentres(vertical: false, length: markLength)
        #expect(columns.count == 2, "vertical crop marks at \(columns)")
        #expect(rows.count == 2, "horizontal crop marks at \(rows)")
        guard columns.count == 2, rows.count == 2 else { return (pageSize, 0, 0) }
        return (
            pageSize, (columns[1] - columns[0]) / dotsPerMillimetre, (rows[1] - rows[0]) / dotsPerMillimetre
        )
    }

    @Test(.enabled(if: hasTools, "needs chromium and poppler-utils (pdfinfo, pdftotext, pdftoppm), which CI installs"))
    func aCardOnLetterIsTheSizeOfABankCard() throws {
        let (pageSize, width, height) = try Self.measure([
            "--stage", "preparation", "--data", "Samples/preparation.json",
        ])
        #expect(pageSize.hasSuffix("612 x 792 pts (letter)"), "\(pageSize)")
        #expect(abs(width - 85.6) <= 0.5, "width \(width) mm")
        #expect(abs(height - 54) <= 0.5, "height \(height) mm")
    }

    @Test(.enabled(if: hasTools, "needs chromium and poppler-utils (pdfinfo, pdftotext, pdftoppm), which CI installs"))
    func aCardOnA4IsTheSizeOfABankCard() throws {
        let (pageSize, width, height) = try Self.measure(["--stage", "action", "--paper", "a4", "--language", "en"])
        #expect(pageSize.contains("(A4)"), "\(pageSize)")
        #expect(abs(width - 85.6) <= 0.5, "width \(width) mm")
        #expect(abs(height - 54) <= 0.5, "height \(height) mm")
    }
}
