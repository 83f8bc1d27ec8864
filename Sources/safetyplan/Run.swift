import ArgumentParser
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input problem already worded for standard error.
struct InputError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Maps the library's errors to messages on standard error and exit code 1.
enum Run {
    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch let error as TemplateError {
            fail(error.description)
        } catch let error as DataErrors {
            fail(error.description)
        } catch let error as InputError {
            fail(error.description)
        } catch {
            fail("error: \(error)")
        }
    }

    /// `--discreet` on a document written for helpers (`audience="provider"`, the provider
    /// handout) is a usage error: a discreet copy is one a youth keeps, and a helpers'
    /// reference cannot be made to reveal nothing.
    static func refuseDiscreet(_ template: Template, isDiscreet: Bool) {
        guard isDiscreet, template.audience == .provider else { return }
        usageError(
            "\(template.name) is written for helpers and has no discreet version; --discreet is for what a youth keeps (plans, forms and the youth handout)"
        )
    }

    /// A usage problem found after reading input: message on standard error, exit 64.
    static func usageError(_ message: String) -> Never {
        StandardError.write("error: " + message + "\n")
        exit(64)
    }

    private static func fail(_ message: String) -> Never {
        StandardError.write(message + "\n")
        exit(1)
    }
}

/// Reading input files with a size limit checked before reading.
enum Input {
    static func read(_ path: String, maximumBytes: Int) throws -> [UInt8] {
        do {
            return try FileInput.read(path, maximumBytes: maximumBytes)
        } catch .isDirectory {
            throw InputError("\(path):1:1: error: is a folder, not a file")
        } catch .notRegularFile(let kind) {
            throw InputError("\(path):1:1: error: is \(kind), not a regular file")
        } catch .tooLarge(let limit) {
            throw InputError(
                "\(path):1:1: error: the file is larger than \(limit) bytes; raise the limit with --max-input-size")
        } catch {
            throw InputError("\(path):1:1: error: cannot read the file (it does not exist or is not readable)")
        }
    }

    static func readData(_ path: String, maximumBytes: Int) throws -> PlanData {
        try PlanData.parse(read(path, maximumBytes: maximumBytes), file: path, maximumBytes: maximumBytes)
    }
}

/// Writing the result: standard output, or a private file replaced atomically.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            if let failure = FileDescriptor.writeAll(1, Array(text.utf8)) {
                throw InputError("error: cannot write to standard output (\(failure))")
            }
            return
        }
        try OutputTarget.write(Array(text.utf8), to: path)
    }
}
