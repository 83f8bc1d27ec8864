import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The names of the tool's temporary files, and how a later run knows them.
///
/// A file written with `-o FILE` (and each file of `batch`) is first written as
/// `.<FILE>.sp<pid>-<random>.tmp` in the same folder: a dot (hidden), the target's name,
/// then `.sp`, the process id of the run that made it, a random part in base 36, and
/// `.tmp`. A name never exceeds `NAME_MAX` (255 bytes): when the target's name is long,
/// the copy of it in the temporary name is cut, never the target itself. The PDF engine's
/// private folder is `$TMPDIR/safetyplan-pdf-<pid>-XXXXXX`.
///
/// Only SIGKILL (or a power cut) can leave such a file; `StaleFiles` removes it on the
/// next run that writes into the same folder.
package enum TemporaryName {
    /// The longest file name the file system takes.
    package static let maximumNameBytes = 255

    /// A new temporary name beside `path`.
    package static func beside(_ path: String) -> String {
        let folder = PathName.deletingLast(path)
        let base = PathBytes.bytes(of: PathName.last(path))
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let tail = Array(".sp\(getpid())-\(random).tmp".utf8)
        let kept = base.prefix(maximumNameBytes - 1 - tail.count)
        let name = PathBytes.string(from: [UInt8(ascii: ".")] + kept + tail)
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The process id in a temporary file's name, or nil when the name is not one of ours.
    package static func owner(ofFile name: String) -> pid_t? {
        let bytes = Array(PathBytes.bytes(of: name))
        guard bytes.first == UInt8(ascii: "."), bytes.count > 8, bytes.suffix(4).elementsEqual(".tmp".utf8) else {
            return nil
        }
        // The tail after the last ".sp": "<pid>-<random>".
        let inner = bytes.dropLast(4)
        var start = inner.endIndex - 3
        while start > inner.startIndex, !inner[start..<start + 3].elementsEqual(".sp".utf8) { start -= 1 }
        guard start > inner.startIndex else { return nil }
        let tail = String(decoding: inner[(start + 3)...], as: UTF8.self)
        let parts = tail.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, !parts[1].isEmpty,
            parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLowercase) })
        else { return nil }
        return pid
    }

    /// The PDF engine's folder prefix for this process.
    package static var pdfFolderPrefix: String { "safetyplan-pdf-\(getpid())-" }

    /// The process id in a PDF engine folder's name, or nil when it is not one.
    package static func owner(ofPDFFolder name: String) -> pid_t? {
        guard name.hasPrefix("safetyplan-pdf-") else { return nil }
        let parts = name.dropFirst("safetyplan-pdf-".count).split(separator: "-")
        guard parts.count == 2, parts[1].count == 6, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
