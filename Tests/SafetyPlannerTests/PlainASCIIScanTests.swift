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
