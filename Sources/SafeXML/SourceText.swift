#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The raw bytes of a parsed document, kept to compute columns that libxml2 does not record.
///
/// libxml2 stores a line number in each node but no column, so locations of elements are
/// found here: either by scanning the (already well-formed) source for start tags in document
/// order, or by looking for `<name` on the line libxml2 reports.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offsets where each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// The line and column (in Unicode scalars) of a byte offset.
    func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        // Binary search for the last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, scalarCount(from: lineStarts[low], to: offset) + 1)
    }

    /// Counts UTF-8 lead bytes (not continuation bytes) in `start..<end`.
    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The column of the `occurrence`-th (from 1) `<qualifiedName` on `line`, or `nil`.
    ///
    /// The name must be followed by white space, `>`, `/` or the end of the line, so that
    /// `<section` does not match `<sections`.
    func column(ofTag qualifiedName: String, line: Int, occurrence: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let needle = [UInt8(ascii: "<")] + Array(qualifiedName.utf8)
        var found = 0
        var index = start
        while index + needle.count <= end {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                let after = index + needle.count
                if after >= end || Self.isNameTerminator(bytes[after]) {
                    found += 1
                    if found == occurrence { return scalarCount(from: start, to: index) + 1 }
                }
            }
            index += 1
        }
        return nil
    }

    /// The line and column of the attribute `qualifiedName` in the start tag whose `<` is at
    /// `line` and `column`, or nil.
    func attributePosition(named qualifiedName: String, inTagAtLine line: Int, column: Int) -> (
        line: Int, column: Int
    )? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        // The byte offset of the column (counted in scalars).
        var index = lineStarts[line - 1]
        var scalars = 1
        while scalars < column, index < bytes.count {
            index += 1
            if index < bytes.count, bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return nil }
        index += 1
        while index < bytes.count, !Self.isNameTerminator(bytes[index]) { index += 1 }
        let wanted = Array(qualifiedName.utf8)
        while index < bytes.count {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") else {
                return nil
            }
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), !Self.isSpace(bytes[index]) { index += 1 }
            if bytes[nameStart..<index].elementsEqual(wanted) { return position(ofOffset: nameStart) }
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
                index += 1
            }
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote { index += 1 }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    private static func isNameTerminator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
            UInt8(ascii: ">"), UInt8(ascii: "/"):
            true
        default: false
        }
    }

    /// The positions of every start tag's `<`, in document order.
    ///
    /// Only meaningful for a well-formed UTF-8 document without a DOCTYPE: comments, CDATA
    /// sections, processing instructions and end tags are skipped, and quoted attribute
    /// values may contain `>`. The caller checks that the count matches the element count.
    func startTagOffsets() -> [Int] {
        bytes.withUnsafeBufferPointer { bytes in
            var offsets: [Int] = []
            guard let base = bytes.baseAddress else { return offsets }
            let count = bytes.count
            /// Whether the bytes at `index` are `prefix` (ASCII).
            func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
                let length = prefix.utf8CodeUnitCount
                return index + length <= count && memcmp(base + index, prefix.utf8Start, length) == 0
            }
            /// The offset just past the next `terminator` at or after `start`, or the end.
            func offset(after terminator: StaticString, from start: Int) -> Int {
                let first = Int32(terminator.utf8Start.pointee)
                var index = start
                while index < count, let found = memchr(base + index, first, count - index) {
                    index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if hasPrefix(terminator, at: index) { return index + terminator.utf8CodeUnitCount }
                    index += 1
                }
                return count
            }
            var index = 0
            while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) {
                index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                if hasPrefix("<!--", at: index) {
                    index = offset(after: "-->", from: index + 4)
                } else if hasPrefix("<![CDATA[", at: index) {
                    index = offset(after: "]]>", from: index + 9)
                } else if hasPrefix("<?", at: index) {
                    index = offset(after: "?>", from: index + 2)
                } else if hasPrefix("<!", at: index) || hasPrefix("</", at: index) {
                    index = offset(after: ">", from: index + 2)
                } else {
                    offsets.append(index)
                    index += 1
                    var quote: UInt8?
                    while index < count {
                        let byte = bytes[index]
                        index += 1
                        if let open = quote {
                            if byte == open { quote = nil }
                        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                            quote = byte
                        } else if byte == UInt8(ascii: ">") {
                            break
                        }
                    }
                }
            }
            return offsets
        }
    }

    /// The position of the `<` of `<!DOCTYPE`, if the prolog (XML declaration, comments,
    /// processing instructions, white space) leads to one.
    func doctypeOffset() -> Int? {
        var index = hasPrefix("\u{FEFF}", at: 0) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                index += 1
            default:
                if hasPrefix("<!DOCTYPE", at: index) {
                    return index
                } else if hasPrefix("<!--", at: index) {
                    index = offset(after: "-->", from: index + 4)
                } else if hasPrefix("<?", at: index) {
                    index = offset(after: "?>", from: index + 2)
                } else {
                    return nil
                }
            }
        }
        return nil
    }

    private func hasPrefix(_ prefix: String, at index: Int) -> Bool {
        let utf8 = prefix.utf8
        guard index + utf8.count <= bytes.count else { return false }
        return bytes[index..<(index + utf8.count)].elementsEqual(utf8)
    }

    /// The offset just past the next `terminator` at or after `start`, or the end.
    private func offset(after terminator: String, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if hasPrefix(terminator, at: index) { return index + terminator.utf8.count }
            index += 1
        }
        return bytes.count
    }
}
