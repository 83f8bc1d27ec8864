extension String {
    /// The string with every character removed that could act on a terminal, printer or
    /// browser instead of being read: what both renderers print of data.
    ///
    /// - Removes C0 controls except tab and newline (so ESC, BEL, BS, NUL and form feed
    ///   go: only `DocumentNode.pageBreak` may print a form feed), DEL, C1 controls
    ///   (U+0080–U+009F), the bidirectional marks, embeddings, overrides and isolates
    ///   (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) and noncharacters
    ///   (U+FDD0–U+FDEF and the last two code points of each plane), which HTML forbids.
    /// - Turns a carriage return into a newline (CR LF and a lone CR both become one
    ///   newline), and U+2028 / U+2029 (line and paragraph separator) too.
    ///
    /// Joiners (U+200C, U+200D) stay: emoji sequences need them. A string with nothing
    /// to remove is returned as it is, without copying.
    var sanitized: String {
        // Fast path over UTF-8 bytes: printable ASCII, tab and newline need nothing.
        let isPlain = utf8.withContiguousStorageIfAvailable(isPlainASCII)
        if isPlain == true {
            return self
        }
        // Then over UTF-8 bytes for other text: names such as Zoë or 李 need nothing either.
        if utf8.withContiguousStorageIfAvailable(hasNothingToSanitize) == true {
            return self
        }
        guard unicodeScalars.contains(where: { $0.needsSanitizing }) else {
            return self
        }
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            if scalar == "\n" && previousWasCarriageReturn {
                continue
            }
            if scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result.append("\n")
            } else if !scalar.isRemovedBySanitizing {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// Whether `String.sanitized` changes this scalar (removes or replaces it).
    var needsSanitizing: Bool {
        self == "\r" || self == "\u{2028}" || self == "\u{2029}" || isRemovedBySanitizing
    }

    /// Whether `String.sanitized` drops this scalar.
    fileprivate var isRemovedBySanitizing: Bool {
        let value = value
        if value < 0x20 {
            return value != 0x09 && value != 0x0A
        }
        if value < 0x7F {
            return false
        }
        if value <= 0x9F {
            return true  // DEL and C1 controls
        }
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFDD0...0xFDEF:
            return true
        default:
            return value & 0xFFFE == 0xFFFE
        }
    }
}

/// Whether `bytes` are all printable ASCII, tab or newline: text `String.sanitized`
/// returns as it is.
///
/// Eight bytes are tested at a time: a word without a byte of 0x80 or more, below 0x20 or
/// equal to 0x7F is plain; a word the test flags (the tests for "below" and "equal" may
/// flag a plain word, never miss one) is checked byte by byte.
func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func isPlain(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x09
    }
    let count = bytes.count
    var index = 0
    if count >= 8 {
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let below20 = (word &- ones &* 0x20) & ~word
            let del = word ^ (ones &* 0x7F)
            let isDEL = (del &- ones) & ~del
            if (word | below20 | isDEL) & highs != 0 {
                for offset in index..<(index + 8) where !isPlain(bytes[offset]) {
                    return false
                }
            }
            index += 8
        }
    }
    while index < count {
        if !isPlain(bytes[index]) { return false }
        index += 1
    }
    return true
}

/// Whether the valid UTF-8 `bytes` hold no scalar `String.sanitized` changes
/// (`Unicode.Scalar.needsSanitizing`), decided from the bytes without decoding scalars.
///
/// May answer false for text that needs nothing (the caller then looks scalar by scalar),
/// never true for text that needs something: ASCII controls and DEL; C1 controls (C2 80–9F);
/// U+061C (D8 9C); U+200E, U+200F, U+2028–U+202E (E2 80 8E, 8F, A8–AE); U+2066–U+2069
/// (E2 81 A6–A9); U+FDD0–U+FDEF (EF B7 90–AF); and every code point ending in FFFE or FFFF
/// (EF BF BE–BF, or a four-byte sequence whose last three bytes are x F BF BE–BF).
func hasNothingToSanitize(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { return false }
            index += 1
            continue
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard index + length <= count else { return false }
        let second = bytes[index + 1]
        switch length {
        case 2:
            if byte == 0xC2 && second <= 0x9F { return false }
            if byte == 0xD8 && second == 0x9C { return false }
        case 3:
            let third = bytes[index + 2]
            if byte == 0xE2 && second == 0x80 && (third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)) {
                return false
            }
            if byte == 0xE2 && second == 0x81 && (0xA6...0xA9).contains(third) { return false }
            if byte == 0xEF && second == 0xB7 && (0x90...0xAF).contains(third) { return false }
            if byte == 0xEF && second == 0xBF && third >= 0xBE { return false }
        default:
            if second & 0x0F == 0x0F && bytes[index + 2] == 0xBF && bytes[index + 3] >= 0xBE { return false }
        }
        index += length
    }
    return true
}
