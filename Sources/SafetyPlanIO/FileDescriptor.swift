#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one loop that writes bytes to a file descriptor, shared by every writer in the tool.
package enum FileDescriptor {
    /// Writes all of `bytes` to `descriptor`, retrying after interrupts and short writes.
    ///
    /// - Returns: nil on success, or the system's description of the error.
    package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += count
            }
            return nil
        }
    }
}
