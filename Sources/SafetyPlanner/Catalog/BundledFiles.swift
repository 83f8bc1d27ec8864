/// The bundled `Templates/` files, as SwiftPM embeds them (`PackageResources.<name>_<ext>`).
///
/// SwiftPM flattens the folder, so this table restores each file's name and folder; a test
/// checks that it lists every file under `Templates/` and nothing else. A language's file
/// is listed as `<lang>/<name>` (`es/stages.xml`) and embedded from
/// `BundledTranslations/<lang>.<name>`, a link to it, so it does not collide with the
/// English file of the same name. Written by `Tests/bundle-templates.py`: run it when
/// adding a file to `Templates/`.
enum BundledFiles {
    static let all: [(name: String, bytes: [UInt8])] = [
        ("discretion.xml", PackageResources.discretion_xml),
        ("guidance.xml", PackageResources.guidance_xml),
        ("principles.xml", PackageResources.principles_xml),
        ("resources.xml", PackageResources.resources_xml),
        ("stages.xml", PackageResources.stages_xml),
        ("words.xml", PackageResources.words_xml),
        ("assessment.xml", PackageResources.assessment_xml),
        ("plan.xml", PackageResources.plan_xml),
        ("maintenance-support.xml", PackageResources.maintenance_support_xml),
        ("provider-handout.xml", PackageResources.provider_handout_xml),
        ("youth-handout.xml", PackageResources.youth_handout_xml),
        ("for-the-advocate.xml", PackageResources.for_the_advocate_xml),
        ("lines-to-call.xml", PackageResources.lines_to_call_xml),
        ("my-coping.xml", PackageResources.my_coping_xml),
        ("my-emergency-bag.xml", PackageResources.my_emergency_bag_xml),
        ("my-safe-places.xml", PackageResources.my_safe_places_xml),
        ("my-triggers.xml", PackageResources.my_triggers_xml),
        ("my-warning-signs.xml", PackageResources.my_warning_signs_xml),
        ("discretion.rng", PackageResources.discretion_rng),
        ("guidance.rng", PackageResources.guidance_rng),
        ("principles.rng", PackageResources.principles_rng),
        ("resources.rng", PackageResources.resources_rng),
        ("stages.rng", PackageResources.stages_rng),
        ("template.rng", PackageResources.template_rng),
        ("words.rng", PackageResources.words_rng),
        ("es/guidance.xml", PackageResources.es_guidance_xml),
        ("es/principles.xml", PackageResources.es_principles_xml),
        ("es/resources.xml", PackageResources.es_resources_xml),
        ("es/stages.xml", PackageResources.es_stages_xml),
        ("es/words.xml", PackageResources.es_words_xml),
        ("es/assessment.xml", PackageResources.es_assessment_xml),
        ("es/plan.xml", PackageResources.es_plan_xml),
        ("es/maintenance-support.xml", PackageResources.es_maintenance_support_xml),
        ("es/provider-handout.xml", PackageResources.es_provider_handout_xml),
        ("es/youth-handout.xml", PackageResources.es_youth_handout_xml),
        ("es/for-the-advocate.xml", PackageResources.es_for_the_advocate_xml),
        ("es/lines-to-call.xml", PackageResources.es_lines_to_call_xml),
        ("es/my-coping.xml", PackageResources.es_my_coping_xml),
        ("es/my-emergency-bag.xml", PackageResources.es_my_emergency_bag_xml),
        ("es/my-safe-places.xml", PackageResources.es_my_safe_places_xml),
        ("es/my-triggers.xml", PackageResources.es_my_triggers_xml),
        ("es/my-warning-signs.xml", PackageResources.es_my_warning_signs_xml),
    ]

    /// The subfolder of `Templates/` a bundled file lives in, with a trailing slash.
    static func folder(of name: String) -> String {
        folders[name] ?? ""
    }

    static let folders: [String: String] = [
        "discretion.xml": "catalog/",
        "guidance.xml": "catalog/",
        "principles.xml": "catalog/",
        "resources.xml": "catalog/",
        "stages.xml": "catalog/",
        "words.xml": "catalog/",
        "assessment.xml": "documents/",
        "plan.xml": "documents/",
        "maintenance-support.xml": "forms/",
        "provider-handout.xml": "handouts/",
        "youth-handout.xml": "handouts/",
        "for-the-advocate.xml": "partials/",
        "lines-to-call.xml": "partials/",
        "my-coping.xml": "partials/",
        "my-emergency-bag.xml": "partials/",
        "my-safe-places.xml": "partials/",
        "my-triggers.xml": "partials/",
        "my-warning-signs.xml": "partials/",
        "discretion.rng": "schemas/",
        "guidance.rng": "schemas/",
        "principles.rng": "schemas/",
        "resources.rng": "schemas/",
        "stages.rng": "schemas/",
        "template.rng": "schemas/",
        "words.rng": "schemas/",
        "es/guidance.xml": "es/catalog/",
        "es/principles.xml": "es/catalog/",
        "es/resources.xml": "es/catalog/",
        "es/stages.xml": "es/catalog/",
        "es/words.xml": "es/catalog/",
        "es/assessment.xml": "es/documents/",
        "es/plan.xml": "es/documents/",
        "es/maintenance-support.xml": "es/forms/",
        "es/provider-handout.xml": "es/handouts/",
        "es/youth-handout.xml": "es/handouts/",
        "es/for-the-advocate.xml": "es/partials/",
        "es/lines-to-call.xml": "es/partials/",
        "es/my-coping.xml": "es/partials/",
        "es/my-emergency-bag.xml": "es/partials/",
        "es/my-safe-places.xml": "es/partials/",
        "es/my-triggers.xml": "es/partials/",
        "es/my-warning-signs.xml": "es/partials/",
    ]
}
