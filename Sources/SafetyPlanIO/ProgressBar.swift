#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress line on standard error, drawn only when standard error is a terminal.
package struct ProgressBar {
    /// Whether standard error is a terminal.
    package let isShown = isatty(2) == 1

    /// Draws the bar at `fraction` (0 to 1) with the count of records done.
    package func show(done: Int, fraction: Double) {
        guard isShown else { return }
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        StandardError.write("\r[\(bar)] \(Int(fraction * 100))% \(done) records")
    }

    /// Clears the line, before a message or at the end.
    package func clear() {
        guard isShown else { return }
        StandardError.write("\r\u{1B}[K")
    }
}
