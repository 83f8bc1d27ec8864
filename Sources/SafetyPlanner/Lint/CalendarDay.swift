/// A day written YYYY-MM-DD, compared by year, month and day.
struct CalendarDay: Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    /// The day `text` names, if it is a real date written YYYY-MM-DD.
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    private init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The same day `count` months earlier (the month's last day when it has fewer days).
    func monthsEarlier(_ count: Int) -> CalendarDay {
        let months = year * 12 + (month - 1) - count
        let (newYear, newMonth) = (months / 12, months % 12 + 1)
        return CalendarDay(year: newYear, month: newMonth, day: min(day, Self.days(inMonth: newMonth, year: newYear)))
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func < (left: CalendarDay, right: CalendarDay) -> Bool {
        (left.year, left.month, left.day) < (right.year, right.month, right.day)
    }
}
