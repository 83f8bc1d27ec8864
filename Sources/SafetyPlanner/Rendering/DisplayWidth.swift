/// How many columns of a fixed-width page or terminal a piece of text takes.
///
/// `TextRenderer` wraps by these widths so that no printed line is wider than asked,
/// whatever script the plan is written in. The rules are a small, fixed subset of
/// Unicode's East Asian Width and emoji data, so output is the same on every machine:
///
/// - East Asian Wide and Fullwidth characters (Hangul, CJK, kana, fullwidth forms) and
///   emoji take 2 columns; a character followed by U+FE0F (emoji presentation) takes 2.
/// - Combining marks (general category Mn or Me), zero-width characters
///   (U+200B–U+200D, U+FEFF) and control characters take 0 columns.
/// - Everything else takes 1 column.
///
/// A grapheme cluster (a Swift `Character`) is as wide as its widest scalar, so `é`
/// written as `e` + U+0301 takes 1 column and an emoji ZWJ sequence such as a family
/// takes 2.
package enum DisplayWidth {
    /// The number of columns `string` takes: the sum of its characters' widths.
    package static func of(_ string: String) -> Int {
        of(string[...])
    }

    /// The number of columns `string` takes: the sum of its characters' widths.
    package static func of(_ string: Substring) -> Int {
        // Fast path: all ASCII. Every ASCII character is one scalar (CR LF, the one pair,
        // is two controls: 0 columns either way), printable ones take 1 column.
        let ascii = string.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var total = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x20 && byte < 0x7F { total += 1 }
            }
            return total
        }
        if let ascii, let ascii { return ascii }
        var total = 0
        for character in string {
            total += of(character)
        }
        return total
    }

    /// The number of columns one grapheme cluster takes: 0, 1 or 2.
    ///
    /// The widest of its scalars decides; U+FE0F anywhere in the cluster makes it 2.
    package static func of(_ character: Character) -> Int {
        // Fast path: a lone printable ASCII scalar, by far the most common case.
        if let ascii = character.asciiValue, character.unicodeScalars.count == 1 {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        var widest = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F {
                return 2
            }
            widest = max(widest, of(scalar))
        }
        return widest
    }

    /// The width of one scalar on its own, before the cluster rule applies.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) {
            return 0
        }
        if value < 0x300 {
            return 1
        }
        if (0x200B...0x200D).contains(value) || value == 0xFEFF {
            return 0
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return 0
        default:
            break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation {
            return 2
        }
        return 1
    }

    /// Whether a scalar is East Asian Wide or Fullwidth, or in the emoji blocks counted wide.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
            0x2E80...0x303E, 0x3040...0xA4CF,  // CJK radicals … Yi, except U+303F (half-width space)
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE30...0xFE4F,  // CJK compatibility forms
            0xFF00...0xFF60,  // fullwidth forms
            0xFFE0...0xFFE6,  // fullwidth signs
            0x1F300...0x1F64F,  // symbols and pictographs, emoticons
            0x1F900...0x1F9FF,  // supplemental symbols and pictographs
            0x20000...0x3FFFD:  // CJK extension planes
            return true
        default:
            return false
        }
    }
}
