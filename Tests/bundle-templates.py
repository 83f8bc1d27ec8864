#!/usr/bin/env python3
"""Brings the table of embedded templates up to date with Templates/.

SwiftPM embeds Templates/ (through Sources/SafetyPlanner/BundledTemplates) with flattened
names, so two files of the same name cannot both be embedded from there. Each language
folder (Templates/es/...) is therefore left out of that folder (Package.swift, exclude)
and embedded through Sources/SafetyPlanner/BundledTranslations/, which holds one symbolic
link per file, named <lang>.<file> (es.stages.xml). This script writes those links and
Sources/SafetyPlanner/Catalog/BundledFiles.swift; BundledFilesTests checks the result.

Run it after adding, moving or removing a file under Templates/. A new language also
needs its folder in the SafetyPlanner target's exclude list in Package.swift.
"""
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
templates = os.path.join(root, "Templates")
links = os.path.join(root, "Sources/SafetyPlanner/BundledTranslations")


def ident(name):
    return re.sub(r"[^A-Za-z0-9_]", "_", name)


base, translated = [], []
for folder, dirs, files in os.walk(templates):
    dirs.sort()
    relative = os.path.relpath(folder, templates)
    parts = [] if relative == "." else relative.split(os.sep)
    for name in sorted(files):
        if not name.endswith((".xml", ".rng")):
            continue
        if parts and re.fullmatch(r"[a-z]{2,3}", parts[0]):
            translated.append((parts[0], "/".join(parts) + "/", name))
        else:
            base.append(("/".join(parts) + "/" if parts else "", name))

os.makedirs(links, exist_ok=True)
for entry in os.listdir(links):
    os.remove(os.path.join(links, entry))
for language, folder, name in translated:
    target = os.path.relpath(os.path.join(templates, folder, name), links)
    os.symlink(target, os.path.join(links, f"{language}.{name}"))

rows, folders = [], []
for folder, name in base:
    rows.append(f'        ("{name}", PackageResources.{ident(name)}),')
    folders.append(f'        "{name}": "{folder}",')
for language, folder, name in translated:
    rows.append(f'        ("{language}/{name}", PackageResources.{ident(language + "." + name)}),')
    folders.append(f'        "{language}/{name}": "{folder}",')

source = f'''/// The bundled `Templates/` files, as SwiftPM embeds them (`PackageResources.<name>_<ext>`).
///
/// SwiftPM flattens the folder, so this table restores each file's name and folder; a test
/// checks that it lists every file under `Templates/` and nothing else. A language's file
/// is listed as `<lang>/<name>` (`es/stages.xml`) and embedded from
/// `BundledTranslations/<lang>.<name>`, a link to it, so it does not collide with the
/// English file of the same name. Written by `Tests/bundle-templates.py`: run it when
/// adding a file to `Templates/`.
enum BundledFiles {{
    static let all: [(name: String, bytes: [UInt8])] = [
{chr(10).join(rows)}
    ]

    /// The subfolder of `Templates/` a bundled file lives in, with a trailing slash.
    static func folder(of name: String) -> String {{
        folders[name] ?? ""
    }}

    static let folders: [String: String] = [
{chr(10).join(folders)}
    ]
}}
'''
with open(os.path.join(root, "Sources/SafetyPlanner/Catalog/BundledFiles.swift"), "w") as out:
    out.write(source)
print(f"{len(base)} English files, {len(translated)} translated files", file=sys.stderr)
