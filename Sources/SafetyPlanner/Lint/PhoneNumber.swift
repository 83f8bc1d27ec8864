/// Whether a resource's number can be dialled or texted in the US (NANP), as written in
/// the catalog: digits with hyphens between groups.
///
/// A call goes to a three-digit service number (211 to 911, and 988), or to ten digits
/// (with an optional leading 1) whose area code and exchange do not start with 0 or 1. A
/// text may also go to a short code of five or six digits (233733).
enum PhoneNumber {
    static let serviceNumbers: Set<String> = ["211", "311", "411", "511", "611", "711", "811", "911", "988"]

    static func isDialable(_ written: String) -> Bool {
        guard let digits = digits(written) else { return false }
        return serviceNumbers.contains(digits) || isTenDigit(digits)
    }

    static func isTextable(_ written: String) -> Bool {
        guard let digits = digits(written) else { return false }
        return serviceNumbers.contains(digits) || (5...6).contains(digits.count) && digits.first != "0"
            || isTenDigit(digits)
    }

    /// The digits, when `written` is digits in groups separated by single hyphens.
    private static func digits(_ written: String) -> String? {
        let trimmed = written.split(whereSeparator: \.isWhitespace).joined()
        let groups = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return groups.joined()
    }

    private static func isTenDigit(_ digits: String) -> Bool {
        var number = Array(digits)
        if number.count == 11 && number.first == "1" { number.removeFirst() }
        guard number.count == 10 else { return false }
        return number[0] >= "2" && number[3] >= "2"
    }
}

extension Character {
    /// Whether this is one of 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
