extension PlanData {
    /// The data as a data file: JSON in UTF-8, keys in the order of the data contract
    /// (DESIGN.md §5), two spaces of indent, ending with a newline. Reading it back with
    /// `PlanData.parse` gives the same data, so an interview's answers file renders the
    /// same document, byte for byte, as the interview did.
    public func jsonBytes() -> [UInt8] {
        var output = ""
        JSONWriter.write(root, shape: .planData, indent: 0, to: &output)
        output += "\n"
        return Array(output.utf8)
    }
}

/// Writes data values as JSON, in the order of their shape.
private enum JSONWriter {
    static func write(_ value: DataValue, shape: DataShape?, indent: Int, to output: inout String) {
        switch value {
        case .text(let text):
            if case .integer = shape, let number = Int(text) {
                output += String(number)
            } else {
                string(text, to: &output)
            }
        case .list(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            var element: DataShape?
            if case .list(let inner)? = shape { element = inner }
            let isFlat = elements.allSatisfy { if case .text = $0 { true } else { false } }
            if isFlat {
                output += "["
                for (index, item) in elements.enumerated() {
                    if index > 0 { output += ", " }
                    write(item, shape: element, indent: indent, to: &output)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (index, item) in elements.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                write(item, shape: element, indent: indent + 2, to: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .record(let fields):
            let order = shape?.fieldNames ?? []
            var keys = order.filter { fields[$0] != nil }
            keys += fields.keys.filter { !order.contains($0) }
            guard !keys.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, key) in keys.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                string(key, to: &output)
                output += ": "
                write(fields[key]!, shape: shape?.field(key), indent: indent + 2, to: &output)
                output += index == keys.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else
    /// as it is (UTF-8).
    static func string(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
