import Testing

@testable import SafetyPlanIO

/// `PDFCheck` reads a PDF back without a process: a whole file counts its pages, a cut or
/// garbled one is nil.
@Suite struct PDFCheckTests {
    static let whole = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R >> endobj
        4 0 obj << /Type/Page /Parent 2 0 R >> endobj
        xref
        0 5
        trailer << /Root 1 0 R >>
        startxref
        200
        %%EOF

        """

    @Test func aWholePDFCountsItsPagesButNotItsPagesObject() {
        #expect(PDFCheck.pageCount(Array(Self.whole.utf8)) == 2)
    }

    @Test(arguments: [
        "", "%PDF-1.4", "%PDF-1.4\n%%EOF", "not a pdf\nstartxref\n10\n%%EOF",
        "%PDF-1.4\n/Type /Pages\nstartxref\n3\n%%EOF", "%PDF-1.4\n/Type /Page\nstartxref\n999999\n%%EOF",
    ])
    func aCutOrGarbledFileIsNotAPDF(text: String) {
        #expect(PDFCheck.pageCount(Array(text.utf8)) == nil)
    }

    @Test func aCutFileIsNotAPDF() {
        let bytes = Array(Self.whole.utf8)
        #expect(PDFCheck.pageCount(Array(bytes.prefix(bytes.count - 8))) == nil)
    }

    @Test func temporaryNamesKnowTheirProcess() {
        #expect(TemporaryName.owner(ofFile: ".plan.txt.sp1234-abc.tmp") == 1234)
        #expect(TemporaryName.owner(ofFile: "plan.txt.sp1234-abc.tmp") == nil)
        #expect(TemporaryName.owner(ofPDFFolder: "safetyplan-pdf-77-a1B2c3") == 77)
        #expect(TemporaryName.owner(ofPDFFolder: "safetyplan-pdf-77-a1") == nil)
    }
}
