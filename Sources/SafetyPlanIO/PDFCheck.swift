/// Reads back a PDF made by the PDF engine, to make sure it is whole, without poppler.
///
/// A complete file starts with the `%PDF-` header, ends with the `%%EOF` marker after a
/// `startxref` offset (only white space may follow), and holds at least one page object
/// (`/Type /Page`, not `/Pages`). A file Chromium cut short, or garbage after a header,
/// fails one of these, and the engine then writes nothing.
package enum PDFCheck {
    /// The number of page objects in a complete PDF, or nil when `bytes` is not one.
    package static func pageCount(_ bytes: [UInt8]) -> Int? {
        guard bytes.starts(with: Array("%PDF-".utf8)) else { return nil }
        var end = bytes.count
        while end > 0, [0x20, 0x0A, 0x0D, 0x09, 0x00].contains(bytes[end - 1]) { end -= 1 }
        let marker = Array("%%EOF".utf8)
        guard end >= marker.count, Array(bytes[(end - marker.count)..<end]) == marker else { return nil }
        let tail = bytes[max(0, end - 1024)..<end]
        guard let startxref = lastIndex(of: Array("startxref".utf8), in: tail) else { return nil }
        let offsetDigits = bytes[(startxref + 9)..<end].drop { [0x20, 0x0A, 0x0D].contains($0) }
            .prefix { (0x30...0x39).contains($0) }
        guard let offset = Int(String(decoding: offsetDigits, as: UTF8.self)), offset > 0, offset < startxref else {
            return nil
        }
        let pages = count(of: Array("/Type /Page".utf8), in: bytes) + count(of: Array("/Type/Page".utf8), in: bytes)
        return pages > 0 ? pages : nil
    }

    /// How many times `needle` occurs in `bytes` not followed by `s` (so `/Pages` is not a page).
    private static func count(of needle: [UInt8], in bytes: [UInt8]) -> Int {
        guard bytes.count > needle.count else { return 0 }
        var found = 0
        var index = 0
        let first = needle[0]
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) {
                let next = index + needle.count
                if next >= bytes.count || bytes[next] != UInt8(ascii: "s") { found += 1 }
                index = next
            } else {
                index += 1
            }
        }
        return found
    }

    private static func lastIndex(of needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.endIndex - needle.count
        while index >= bytes.startIndex {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }
}
