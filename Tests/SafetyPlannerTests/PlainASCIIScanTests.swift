import Testing

@testable import SafetyPlanner

@Suite("isPlainASCII: the word-at-a-time scan agrees with the byte-by-byte test")
struct PlainASCIIScanTests {
    static func reference(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }
    }

    @Test("Every byte value at every position of texts of 0 to 40 bytes")
    func everyByteEverywhere() {
        for length in 0...40 {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(plain.withUnsafeBufferPointer(isPlainASCII))
            for position in 0..<length {
                for value in 0...255 {
                    var bytes = plain
                    bytes[position] = UInt8(value)
                    #expect(bytes.withUnsafeBufferPointer(isPlainASCII) == Self.reference(bytes))
                }
            }
        }
    }

    @Test("Plain text mixing every plain byte, and its edges 0x1F, 0x20, 0x7E, 0x7F, 0x80")
    func edges() {
        let plain: [UInt8] = [0x09, 0x0A] + Array(0x20...0x7E)
        #expect(plain.withUnsafeBufferPointer(isPlainASCII))
        for value: UInt8 in [0x00, 0x08, 0x0B, 0x0D, 0x1F, 0x7F, 0x80, 0xC3, 0xFF] {
            for position in [0, 7, 8, 50, plain.count - 1] {
                var bytes = plain
                bytes.insert(value, at: position)
                #expect(!bytes.withUnsafeBufferPointer(isPlainASCII))
            }
        }
    }
}

@Suite("hasNothingToSanitize: the UTF-8 byte scan never passes a scalar that sanitizing changes")
struct SanitizeByteScanTests {
    /// Every scalar of the planes in use, one at a time between ASCII letters: the scan may
    /// say "look closer" for a scalar that needs nothing, never "nothing" for one that does.
    @Test("Every scalar of planes 0, 1, 2 and 14 to 16, and the last two of every plane")
    func everyScalar() {
        var missed: [UInt32] = []
        var closerLooks = 0
        let planes: [ClosedRange<UInt32>] = [0...0x2_FFFF, 0xE_0000...0x10_FFFF]
        let ends = (0...16).flatMap { plane in [UInt32(plane) << 16 | 0xFFFE, UInt32(plane) << 16 | 0xFFFF] }
        for value in planes.joined().map({ $0 }) + ends {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "a"
            text.unicodeScalars.append(scalar)
            text += "b"
            let passed = Array(text.utf8).withUnsafeBufferPointer(hasNothingToSanitize)
            if passed && scalar.needsSanitizing { missed.append(value) }
            if !passed && !scalar.needsSanitizing { closerLooks += 1 }
        }
        #expect(missed.isEmpty, "passed scalars that need sanitizing: \(missed.prefix(10))")
        // The scan is exact for the scalars it knows; it is not a blanket "non-ASCII: look closer".
        #expect(closerLooks == 0)
    }

    @Test("Names and text in many scripts need nothing; each special scalar is caught in context")
    func text() {
        for text in ["Zoë", "José García", "李小龙", "Björn · Renée", "👩‍👧 e\u{301}", "Ünïcödé — “quoted”"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer(hasNothingToSanitize))
            #expect(text.sanitized == text)
        }
        let specials: [UInt32] = [0x1B, 0x7F, 0x85, 0x61C, 0x200E, 0x2029, 0x202E, 0x2068, 0xFDD0, 0xFFFE, 0x10_FFFF]
        for special in specials.map({ String(Unicode.Scalar($0)!) }) {
            let text = "Zoë" + special + "José"
            #expect(!Array(text.utf8).withUnsafeBufferPointer(hasNothingToSanitize))
        }
    }
}
