import Foundation

/// `Retry-After` may be an HTTP date (RFC 9110 IMF-fixdate,
/// `Sun, 06 Nov 1994 08:49:37 GMT`) instead of seconds.
enum HTTPDate {
    static func secondsFromNow(_ text: String, now: Date = Date()) -> Double? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = f.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
