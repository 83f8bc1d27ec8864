import Foundation
import Testing

/// No shipped template or catalog file uses a stigmatizing term for a youth.
///
/// The youth is never a "child prostitute" or a "runaway": the words a document uses can
/// blame or label. The National Runaway Safeline's proper name and web address are the only
/// allowed uses of "runaway", listed exactly below. The word lists of `discretion.xml`
/// (`<stem>`, `<word>`) are the words a discreet copy hides, so they are not scanned.
@Suite struct StigmatizingTermsTests {
    static let terms = [
        "child prostitute", "teen prostitute", "sex worker", "pimp", "john", "promiscuous", "runaway",
        // Spanish: a youth is never a "prostituta" or a "trabajadora sexual", nor a "fugitiva";
        // an adult who exploits a child is named by what they do ("quien le explota"), not
        // by the street's words for them.
        "prostituta", "prostituto", "niña prostituta", "niño prostituto", "trabajadora sexual",
        "trabajador sexual", "padrote", "proxeneta", "chulo", "promiscua", "promiscuo", "fugitiva", "fugitivo",
        "menor fugada", "menor fugado",
    ]
    static let allowed = ["National Runaway Safeline", "1800runaway.org"]

    /// `text` without the content of discretion.xml's word lists.
    static func withoutWordLists(_ text: String) -> String {
        let regex = try! NSRegularExpression(pattern: "<(stem|word)>[^<]*</(stem|word)>")
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "<$1/>")
    }

    /// Every `.xml` and `.rng` file under `Templates/`, as (relative path, text).
    static func shippedFiles() -> [(path: String, text: String)] {
        let root = Golden.packageRoot.appendingPathComponent("Templates")
        var files: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".xml") || relative.hasSuffix(".rng") else { continue }
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            files.append((relative, relative.hasSuffix("discretion.xml") ? withoutWordLists(text) : text))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The places a term occurs as a whole word (or phrase), ignoring case.
    static func occurrences(of term: String, in text: String) -> [String] {
        let escaped = NSRegularExpression.escapedPattern(for: term)
        let regex = try! NSRegularExpression(
            pattern: "(?<![\\p{L}])\(escaped)(?![\\p{L}])", options: [.caseInsensitive])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
    }

    @Test func scannerFindsTermsAsWords() {
        #expect(Self.occurrences(of: "john", in: "a John and a johnny") == ["John"])
        #expect(Self.occurrences(of: "pimp", in: "no pimps") == [])
        #expect(Self.occurrences(of: "runaway", in: "a Runaway youth") == ["Runaway"])
    }

    @Test func noShippedFileUsesAStigmatizingTerm() {
        let files = Self.shippedFiles()
        #expect(files.count >= 13)
        for (path, text) in files {
            var scrubbed = text
            for phrase in Self.allowed { scrubbed = scrubbed.replacingOccurrences(of: phrase, with: "") }
            for term in Self.terms {
                let found = Self.occurrences(of: term, in: scrubbed)
                #expect(found.isEmpty, "Templates/\(path) uses '\(term)' \(found.count) time(s)")
            }
        }
    }

    @Test func pluralsAreCaughtToo() {
        // "pimps", "johns", "runaways" and "sex workers" are labels as well.
        for (path, text) in Self.shippedFiles() {
            var scrubbed = text
            for phrase in Self.allowed { scrubbed = scrubbed.replacingOccurrences(of: phrase, with: "") }
            for term in [
                "pimps", "johns", "runaways", "sex workers", "prostitutes", "prostitutas", "prostitutos", "padrotes",
                "proxenetas", "chulos", "trabajadoras sexuales", "trabajadores sexuales",
            ] {
                #expect(Self.occurrences(of: term, in: scrubbed).isEmpty, "Templates/\(path) uses '\(term)'")
            }
        }
    }
}
