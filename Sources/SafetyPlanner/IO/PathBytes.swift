#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File names are bytes: a name that is not UTF-8 is kept exactly, inside a `String`.
///
/// The command line and folder listings hand over bytes, and a Swift `String` holds only
/// Unicode, so a name such as `plan\xff.txt` would come out as `plan\u{FFFD}.txt`: another
/// file. Every name the tool reads is made into a `String` with `string(from:)`, which
/// keeps each byte that is not part of valid UTF-8 as one scalar of U+10FF80…U+10FFFF
/// (the last 128 code points of the last private-use plane); every system call is given
/// `bytes(of:)`, which turns those scalars back into their bytes. So that the mapping is
/// exact both ways, a valid name that itself holds one of those scalars has each of its
/// four bytes kept the same way. A name that is valid UTF-8 without them (nearly all)
/// passes unchanged.
package enum PathBytes {
    /// The first scalar of the range; `first + b` stands for the byte `b` (0x80…0xFF).
    static let first: UInt32 = 0x10FF00

    /// The name held by `bytes`.
    package static func string(from bytes: some Collection<UInt8>) -> String {
        let all = Array(bytes)
        let decoded = String(decoding: all, as: UTF8.self)
        // Valid UTF-8 decodes to the same bytes; without 0xF4 it holds no escaped scalar.
        if !all.contains(0xF4), decoded.utf8.elementsEqual(all) { return decoded }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < all.count {
            let length = validLength(all, at: index)
            guard length > 0 else {
                scalars.append(Unicode.Scalar(first + UInt32(all[index]))!)
                index += 1
                continue
            }
            let scalar = String(decoding: all[index..<index + length], as: UTF8.self).unicodeScalars.first!
            if scalar.value >= first + 0x80 {
                for byte in all[index..<index + length] { scalars.append(Unicode.Scalar(first + UInt32(byte))!) }
            } else {
                scalars.append(scalar)
            }
            index += length
        }
        return String(scalars)
    }

    /// The length of the valid UTF-8 scalar starting at `index`, or 0 when there is none.
    private static func validLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        guard (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// The bytes `name` stands for.
    package static func bytes(of name: String) -> [UInt8] {
        // Every escaped scalar is encoded from the lead byte 0xF4; most names have none.
        guard name.utf8.contains(0xF4) else { return Array(name.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.value >= first + 0x80 {
                bytes.append(UInt8(scalar.value - first))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Calls `body` with `name` as the NUL-terminated bytes a system call takes.
    package static func withCString<Result>(
        _ name: String, _ body: (UnsafePointer<CChar>) throws -> Result
    ) rethrows -> Result {
        var bytes = bytes(of: name)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            try buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { try body($0) }
        }
    }

    /// The name in a folder entry, as `string(from:)` keeps it.
    package static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                string(
                    from: UnsafeBufferPointer(
                        start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
            }
        }
    }
}
