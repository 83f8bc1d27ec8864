import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps the library's errors to messages on standard error and exit code 1.
///
/// Every input or output problem is a `TemplateError`, `DataErrors` (or one `DataError`) or
/// an `IOError`, each printed as its `description`, the one form of STYLE.md §6.
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
        } catch let error as DataError {
            fail(error.description)
        } catch let error as IOError {
            fail(error.description)
        } catch let error as Languages.Problem {
            usageError(error.message)
        } catch {
            fail("error: \(error)")
        }
    }

    /// `--discreet` on a document written for helpers is a usage error (`Template.discreetRefusal`).
    static func refuseDiscreet(_ template: Template, isDiscreet: Bool) {
        if isDiscreet, let refusal = template.discreetRefusal { usageError(refusal) }
    }

    /// A wallet card is made by `handout card` only (`Template.cardRefusal`).
    static func refuseCard(_ template: Template) {
        if let refusal = template.cardRefusal { usageError(refusal) }
    }

    /// A usage problem found after reading input: message on standard error, exit 64.
    static func usageError(_ message: String) -> Never {
        StandardError.write("error: " + message + "\n")
        exit(64)
    }

    static func fail(_ message: String) -> Never {
        StandardError.write(message + "\n")
        exit(1)
    }
}
