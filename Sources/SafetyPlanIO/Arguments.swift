import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line and environment as bytes, so a file name that is not UTF-8 is kept.
///
/// `CommandLine.arguments` decodes each argument as UTF-8 and replaces what is not
/// (`plan\xff.txt` becomes `plan\u{FFFD}.txt`, another file). The arguments are read from
/// `CommandLine.unsafeArgv` instead and made into strings with `PathBytes`, which every
/// system call turns back into the same bytes.
package enum Arguments {
    /// The arguments after the program's name, exactly.
    package static func exact() -> [String] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return "" }
            return PathBytes.string(
                from: UnsafeBufferPointer(start: argument, count: strlen(argument)).map(UInt8.init(bitPattern:)))
        }
    }

    /// An environment variable, exactly; nil when it is not set or empty.
    package static func environment(_ name: String) -> String? {
        guard let value = getenv(name), value.pointee != 0 else { return nil }
        return PathBytes.string(
            from: UnsafeBufferPointer(start: value, count: strlen(value)).map(UInt8.init(bitPattern:)))
    }
}
