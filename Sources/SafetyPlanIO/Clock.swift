#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Seconds on the monotonic clock, without Foundation.
public enum Clock {
    /// Now, in seconds since an arbitrary start.
    public static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

extension Clock {
    /// Today's date where the tool runs (local time), written YYYY-MM-DD.
    public static var today: String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func twoDigits(_ number: Int32) -> String { number < 10 ? "0\(number)" : String(number) }
        return String(parts.tm_year + 1900) + "-" + twoDigits(parts.tm_mon + 1) + "-" + twoDigits(parts.tm_mday)
    }
}
