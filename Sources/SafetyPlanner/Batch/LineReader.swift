#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a JSON Lines file one line at a time, in fixed-size chunks, so memory stays flat
/// however many records the file holds.
///
/// Each line comes with its number (from 1). A line longer than the limit is not kept:
/// its bytes are skipped up to the next newline and it is handed out as `tooLong`, so
/// one oversize record cannot make the reader hold the whole file.
package final class LineReader {
    /// One line of the file, without its newline (and without a `\r` before it).
    package enum Line {
        case text(number: Int, bytes: [UInt8])
        case tooLong(number: Int)
    }

    private let descriptor: Int32
    private let path: String
    private let maximumBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var lineNumber = 0
    private var isAtEnd = false
    /// The file's size when opened (0 for a stream), for progress.
    package let totalBytes: Int
    /// How many bytes have been read so far.
    package private(set) var bytesRead = 0
    static let chunkSize = 1 << 16

    /// Opens `path` for reading: a regular file, or a stream named by its descriptor
    /// (`FileInput.openForReading`); a FIFO, device or folder is refused before a read.
    ///
    /// - Throws: `IOError` at `path:1:1`, as `FileInput.read` throws it.
    package init(path: String, maximumLineBytes: Int) throws(IOError) {
        let opened = try FileInput.openForReading(path)
        self.path = path
        self.descriptor = opened.descriptor
        self.totalBytes = (opened.info.st_mode & S_IFMT) == S_IFREG ? Int(opened.info.st_size) : 0
        self.maximumBytes = maximumLineBytes
        self.buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    deinit { close(descriptor) }

    /// The next line, or nil at the end of the file.
    ///
    /// - Throws: `IOError.Kind.readFailed` (at the file as a whole) when a read fails.
    package func next() throws(IOError) -> Line? {
        var isSkipping = false
        while true {
            if let newline = firstNewline() {
                lineNumber += 1
                defer { start = newline + 1 }
                if isSkipping { return .tooLong(number: lineNumber) }
                var stop = newline
                if stop > start, buffer[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
                if stop - start > maximumBytes { return .tooLong(number: lineNumber) }
                return .text(number: lineNumber, bytes: Array(buffer[start..<stop]))
            }
            if isAtEnd {
                guard start < end else { return nil }
                lineNumber += 1
                defer { start = end }
                if isSkipping || end - start > maximumBytes { return .tooLong(number: lineNumber) }
                return .text(number: lineNumber, bytes: Array(buffer[start..<end]))
            }
            // No newline in what is held: drop an oversize line's bytes, then read more.
            if end - start > maximumBytes {
                isSkipping = true
                start = end
            }
            try fill()
        }
    }

    /// Where the next newline is in the bytes held, found with `memchr`.
    private func firstNewline() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, end - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func fill() throws(IOError) {
        if start > 0 {
            let count = end - start
            if count > 0 {
                buffer.withUnsafeMutableBufferPointer { pointer in
                    _ = memmove(pointer.baseAddress!, pointer.baseAddress! + start, count)
                }
            }
            start = 0
            end = count
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize)) }
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                read(descriptor, pointer.baseAddress! + end, pointer.count - end)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .file(.readFailed, path)
            }
            if count == 0 { isAtEnd = true }
            end += count
            bytesRead += count
            return
        }
    }
}
