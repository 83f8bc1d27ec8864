/// Cuts the lines `TextLayout` wrote into printed pages: the last step of `TextRenderer`
/// when it has a page length.
///
/// The rules, in order of strength:
///
/// - No page has more than `pageLength` lines, its "Page X of Y" footer included.
/// - A page break from the document (`DocumentNode.pageBreak`) always starts a new page.
/// - A heading is kept with the first two lines of what follows it (or all of it, when
///   that is a block kept whole), so no page ends with a heading; so is a lead-in
///   paragraph with the list, check items or write-in lines it introduces.
/// - A block kept whole (a list item, a check item, a field with its write-in lines, a
///   run of write-in lines) is not split across pages when it fits on one.
/// - A paragraph or note is split only where at least two of its lines stay on each page.
///
/// When the rules cannot all be kept (what must stay together is longer than a page),
/// they are given up one at a time, weakest first: a lead-in with what it introduces,
/// then a block kept whole, then a heading with what follows; only then is the page cut
/// at its last line. Pages never start or end with blank lines.
///
/// The output separates pages as a printer expects, and so that a break reads as one on a
/// screen: each page after the first starts with a line that holds only a form feed
/// (U+000C), which a printer turns into a new sheet and a blank top line, and a screen
/// shows as a line of its own between the pages. That line is counted: no page has more
/// than `pageLength` lines with it. With page numbers, each page is filled with blank
/// lines to `pageLength - 2` lines, then a blank line and "Page X of Y" centred within
/// `width`.
struct TextPaginator {
    /// A run of lines that the page rules apply to.
    struct Block: Equatable, Sendable {
        enum Kind: Equatable, Sendable {
            /// Kept on one page when it fits (list item, check item, field, write-in).
            case whole
            /// Split only with at least two lines on each page (paragraph, note).
            case flowing
            /// Kept with the start of what follows (heading); kept whole itself.
            case keptWithNext
            /// A lead-in: like `keptWithNext`, but given up first.
            case leadIn
        }

        /// The lines, as indexes into the layout's lines; blank lines and form feeds at
        /// the start are separators written before the block, not part of it.
        var lines: Range<Int>
        var kind: Kind
    }

    var pageLength: Int
    var hasPageNumbers: Bool
    var width: Int
    /// The footer's words (`words.xml`'s `page-footer`), `{page}` and `{pages}` filled in.
    var footerPattern = DocumentTree.defaultPageFooter

    /// The lines the first page holds before its footer.
    var capacity: Int {
        hasPageNumbers ? pageLength - 2 : pageLength
    }

    /// The lines of text a page holds before its footer: one fewer after the first page,
    /// for the form feed's line.
    func capacity(ofPage number: Int) -> Int {
        number == 0 ? capacity : capacity - 1
    }

    /// The pages of `lines`, each a list of lines.
    func pages(of lines: [Substring], blocks: [Block]) -> [[Substring]] {
        let cost = breakCosts(lines: lines, blocks: blocks)
        var pages: [[Substring]] = []
        var index = 0
        while index < lines.count {
            // A page starts at its first line of text.
            while index < lines.count && (lines[index].isEmpty || lines[index] == "\u{C}") {
                index += 1
            }
            guard index < lines.count else { break }
            let start = index
            var end = start
            let room = capacity(ofPage: pages.count)
            while end < lines.count && end - start < room && lines[end] != "\u{C}" {
                end += 1
            }
            if end < lines.count && lines[end] != "\u{C}" && cost[end] > 0 {
                // The page is full inside something kept together: cut at the last place
                // that breaks the weakest rules, leaving something on the page.
                for allowed in 0..<Self.forced {
                    if let cut = (start + 1...end).last(where: { cost[$0] <= allowed }) {
                        end = cut
                        break
                    }
                }
            }
            var page = Array(lines[start..<end])
            while page.last?.isEmpty == true {
                page.removeLast()
            }
            pages.append(page)
            index = end
        }
        return pages
    }

    /// The text of `lines` cut into pages; "\n" when there are none.
    func render(lines: [Substring], blocks: [Block]) -> String {
        let pages = pages(of: lines, blocks: blocks)
        guard !pages.isEmpty else { return "\n" }
        var output = ""
        for (number, page) in pages.enumerated() {
            if number > 0 {
                output += "\u{C}\n"
            }
            for line in page {
                output += line
                output += "\n"
            }
            if hasPageNumbers {
                output += String(repeating: "\n", count: capacity(ofPage: number) - page.count + 1)
                output += footer(page: number + 1, of: pages.count)
                output += "\n"
            }
        }
        return output
    }

    /// "Page X of Y", centred within the width, with no trailing spaces.
    func footer(page: Int, of count: Int) -> String {
        let text = footerPattern.replacingAll("{page}", with: String(page)).replacingAll(
            "{pages}", with: String(count))
        return String(repeating: " ", count: Swift.max(0, (width - text.count) / 2)) + text
    }

    /// A page may start at a line that costs 0; breaking elsewhere gives up the rule with
    /// that strength (`Rule`).
    private enum Rule {
        static let leadIn = 1
        static let whole = 2
        static let heading = 3
    }
    /// More than any rule: a cut at the page's last line.
    static let forced = 4

    /// What starting a page at each line costs: the strongest rule it breaks, or 0.
    func breakCosts(lines: [Substring], blocks: [Block]) -> [Int] {
        var cost = [Int](repeating: 0, count: lines.count + 1)
        // Where each block's text starts, after the separators written before it.
        func textStart(_ block: Block) -> Int {
            var start = block.lines.lowerBound
            while start < block.lines.upperBound && (lines[start].isEmpty || lines[start] == "\u{C}") {
                start += 1
            }
            return start
        }
        func forbid(_ range: Range<Int>, _ rule: Int) {
            for index in range where index < cost.count {
                cost[index] = Swift.max(cost[index], rule)
            }
        }
        for block in blocks {
            let start = textStart(block)
            let end = block.lines.upperBound
            guard start < end else { continue }
            switch block.kind {
            case .whole:
                if end - start <= capacity(ofPage: 1) {
                    forbid(start + 1..<end, Rule.whole)
                }
            case .flowing:
                if end - start <= 4 {
                    forbid(start + 1..<end, Rule.whole)
                } else {
                    forbid(start + 1..<start + 2, Rule.whole)
                    forbid(end - 1..<end, Rule.whole)
                }
            case .keptWithNext, .leadIn:
                // The block, the separator after it and the next two lines of text.
                let rule = block.kind == .leadIn ? Rule.leadIn : Rule.heading
                if end - start <= capacity(ofPage: 1) {
                    forbid(start + 1..<end, Swift.max(rule, Rule.whole))
                }
                var last = end
                var textLines = 0
                while last < lines.count && textLines < 2 {
                    if lines[last] == "\u{C}" { break }
                    if !lines[last].isEmpty { textLines += 1 }
                    last += 1
                }
                forbid(end..<last, rule)
            }
        }
        return cost
    }
}
