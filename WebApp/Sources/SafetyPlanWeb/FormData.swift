/// The fields of a submitted form: `application/x-www-form-urlencoded` (every form of the
/// app) or `multipart/form-data` (the start form, which may carry an answers file).
///
/// Both parsers take bytes and never fail on bad input: what cannot be read is left
/// out, and a multipart body without its boundary is `nil` (the caller says what to do).
struct FormData: Equatable {
    /// One field: its name, its value as text, and the file name for a file field.
    struct Field: Equatable {
        var name: String
        var value: [UInt8]
        var fileName: String?

        var text: String { String(decoding: value, as: UTF8.self) }
    }

    var fields: [Field]

    /// The first field's text with this name, or nil.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.text
    }

    /// Every field's text with this name, in order.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.text)
    }

    // MARK: URL-encoded

    /// Parses `a=1&b=two+words&c=%C3%AD`.
    static func urlEncoded(_ bytes: [UInt8]) -> FormData {
        var fields: [Field] = []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : []
            fields.append(Field(name: String(decoding: name, as: UTF8.self), value: value))
        }
        return FormData(fields: fields)
    }

    /// Percent-decoding, `+` as a space; a malformed escape is kept as it is.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                result.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]),
                let low = hex(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 2
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: Multipart

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil.
    static func boundary(ofContentType contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingSpaces }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty || value.utf8.count > 70 ? nil : value
        }
        return nil
    }

    /// Parses a multipart body with this boundary; nil when it holds no part at all.
    static func multipart(_ bytes: [UInt8], boundary: String) -> FormData? {
        let delimiter = Array(("--" + boundary).utf8)
        var fields: [Field] = []
        var starts = ranges(of: delimiter, in: bytes)
        guard starts.count >= 2 else { return nil }
        starts.append(bytes.count)
        for (start, end) in zip(starts, starts.dropFirst()) where end <= bytes.count {
            var partStart = start + delimiter.count
            // The closing delimiter ends with "--".
            if bytes[partStart..<min(partStart + 2, bytes.count)].elementsEqual(Array("--".utf8)) { break }
            if bytes[partStart..<min(partStart + 2, bytes.count)].elementsEqual([13, 10]) { partStart += 2 }
            var partEnd = end
            if partEnd - 2 >= partStart, bytes[partEnd - 2] == 13, bytes[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart <= partEnd else { continue }
            let part = bytes[partStart..<partEnd]
            guard let split = ranges(of: [13, 10, 13, 10], in: Array(part)).first else { continue }
            let head = String(decoding: part.prefix(split), as: UTF8.self)
            let body = Array(part.dropFirst(split + 4))
            var name: String?
            var fileName: String?
            for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: String(line))
                fileName = parameter("filename", in: String(line))
            }
            if let name { fields.append(Field(name: name, value: body, fileName: fileName)) }
        }
        return FormData(fields: fields)
    }

    /// Where `needle` starts in `haystack`, each time.
    private static func ranges(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// `name="value"` in a header line.
    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").map({ $0.trimmingSpaces }) where piece.hasPrefix(key + "=") {
            var value = String(piece.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
