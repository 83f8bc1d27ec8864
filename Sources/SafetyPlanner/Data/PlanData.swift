/// A young person's plan data, read from a JSON data file and checked against its shape.
///
/// Reading is strict: a syntax error stops with its position; otherwise every problem in
/// the file (unknown key with the nearest known key suggested, duplicate key, wrong type,
/// bad stage or date) is collected and reported together, so an advocate fixes the file
/// in one pass. Nothing here ever copies a value into a message.
public struct PlanData: Equatable, Sendable {
    /// The validated values; the root is always a record.
    public var root: DataValue

    /// Creates plan data from a validated root record (use `parse` for files).
    public init(root: DataValue = .record([:])) {
        self.root = root
    }

    /// The `stage` key, if present.
    public var stage: Stage? {
        root["stage"]?.text.flatMap(Stage.init(rawValue:))
    }

    /// The `date` key, if present.
    public var date: String? { root["date"]?.text }

    /// The youth's age, if given.
    public var age: Int? { root["client"]?["age"]?.text.flatMap { Int($0) } }

    /// Earlier stages from `history`, in the order written.
    public var history: [(stage: Stage, date: String?)] {
        (root["history"]?.elements ?? []).compactMap { entry in
            guard let stage = entry["stage"]?.text.flatMap(Stage.init(rawValue:)) else { return nil }
            return (stage, entry["date"]?.text)
        }
    }

    /// The largest data file read by default; larger files are refused before parsing.
    public static let defaultMaximumBytes = 1 << 20

    /// Parses and validates a data file.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the name to print in messages.
    ///   - maximumBytes: files larger than this are refused unread.
    ///   - signIDs: the catalog's sign ids (`Catalog.signIDs`): each id of an
    ///     assessment's `observed` lists must be one of them; nil checks their form only.
    /// - Throws: `DataErrors` with every problem found, in reading order.
    public static func parse(
        _ bytes: [UInt8], file: String, maximumBytes: Int = defaultMaximumBytes, signIDs: [String]? = nil
    ) throws(DataErrors) -> PlanData {
        guard bytes.count <= maximumBytes else {
            throw DataErrors([
                DataError(
                    file: file, line: 1, column: 1, path: nil,
                    message: "the data file is larger than \(maximumBytes) bytes; raise the limit with --max-input-size"
                )
            ])
        }
        let root: DataValue?
        let errors: [DataError]
        do {
            (root, errors) = try DataReader.read(bytes, shape: .planData, file: file, signIDs: signIDs)
        } catch {
            throw DataErrors([error])
        }
        guard errors.isEmpty, let root else { throw DataErrors(errors) }
        return PlanData(root: root)
    }
}
