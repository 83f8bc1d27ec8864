/// The bundled `Templates/` files, as SwiftPM embeds them (`PackageResources.<name>_<ext>`).
///
/// SwiftPM flattens the folder, so this table restores each file's name and folder; a test
/// checks that it lists every file under `Templates/` and nothing else. Add a line here
/// when adding a file to `Templates/`.
enum BundledFiles {
    static let all: [(name: String, bytes: [UInt8])] = [
        ("guidance.xml", PackageResources.guidance_xml),
        ("principles.xml", PackageResources.principles_xml),
        ("resources.xml", PackageResources.resources_xml),
        ("stages.xml", PackageResources.stages_xml),
        ("discretion.xml", PackageResources.discretion_xml),
        ("plan.xml", PackageResources.plan_xml),
        ("maintenance-support.xml", PackageResources.maintenance_support_xml),
        ("lines-to-call.xml", PackageResources.lines_to_call_xml),
        ("my-coping.xml", PackageResources.my_coping_xml),
        ("my-emergency-bag.xml", PackageResources.my_emergency_bag_xml),
        ("my-safe-places.xml", PackageResources.my_safe_places_xml),
        ("my-triggers.xml", PackageResources.my_triggers_xml),
        ("my-warning-signs.xml", PackageResources.my_warning_signs_xml),
        ("provider-handout.xml", PackageResources.provider_handout_xml),
        ("youth-handout.xml", PackageResources.youth_handout_xml),
        ("guidance.rng", PackageResources.guidance_rng),
        ("principles.rng", PackageResources.principles_rng),
        ("resources.rng", PackageResources.resources_rng),
        ("stages.rng", PackageResources.stages_rng),
        ("discretion.rng", PackageResources.discretion_rng),
        ("template.rng", PackageResources.template_rng),
    ]

    /// The subfolder of `Templates/` a bundled file lives in, with a trailing slash.
    static func folder(of name: String) -> String {
        folders[name] ?? ""
    }

    static let folders: [String: String] = [
        "guidance.xml": "catalog/",
        "principles.xml": "catalog/",
        "resources.xml": "catalog/",
        "stages.xml": "catalog/",
        "discretion.xml": "catalog/",
        "plan.xml": "documents/",
        "maintenance-support.xml": "forms/",
        "lines-to-call.xml": "partials/",
        "my-coping.xml": "partials/",
        "my-emergency-bag.xml": "partials/",
        "my-safe-places.xml": "partials/",
        "my-triggers.xml": "partials/",
        "my-warning-signs.xml": "partials/",
        "provider-handout.xml": "handouts/",
        "youth-handout.xml": "handouts/",
        "guidance.rng": "schemas/",
        "principles.rng": "schemas/",
        "resources.rng": "schemas/",
        "stages.rng": "schemas/",
        "discretion.rng": "schemas/",
        "template.rng": "schemas/",
    ]
}
