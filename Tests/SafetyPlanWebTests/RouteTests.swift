import Foundation
import HummingbirdTesting
import Testing

@testable import SafetyPlanWeb
