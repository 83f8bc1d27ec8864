/// A fixed number of slots, each written by exactly one thread, read after all have ended.
package final class Slots<Value>: @unchecked Sendable {
    private var values: [Value?]

    /// `count` empty slots.
    package init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    /// A slot's value; set it from one thread only.
    package subscript(index: Int) -> Value? {
        get { values[index] }
        set { values.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }

    /// Every slot's value, once all are set.
    package var all: [Value] { values.map { $0! } }
}
