#!/usr/bin/env python3
"""Embed the downloadable templates (资料下载) into TCMSServices as Swift string literals.

The tcms binary must run alone from /usr/local/bin, so the templates travel inside the
module instead of a resource bundle, the same way scripts/embed-codes.py embeds the code
lists. Every file of the templates directory becomes one entry of `TemplatesData.files`,
byte for byte, in file-name order.

Usage: scripts/embed-templates.py [TEMPLATES_DIR [OUTPUT_FILE]]
  TEMPLATES_DIR  default: resources/templates next to this script's parent
  OUTPUT_FILE    default: Sources/TCMSServices/TemplateData/TemplatesData.swift
"""

import os
import re
import sys

SCRIPT = "scripts/embed-templates.py"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def fail(message):
    sys.stderr.write("embed-templates: %s\n" % message)
    sys.exit(1)


def read_template(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        fail("%s: not UTF-8 text" % path)
    if '"""#' in text or "\\#" in text or "\r" in text:
        fail("%s: contains a sequence the raw string literal cannot hold" % path)
    return text


def swift_source(entries):
    parts = [
        "// Generated file: do not edit. Made by %s from resources/templates.\n"
        "// Run the script again after a template changes.\n"
        "\n"
        "/// The embedded templates (资料下载), each the exact text of its file.\n"
        "enum TemplatesData {\n"
        "    static let files: [(name: String, text: String)] = [\n" % SCRIPT
    ]
    for name, text in entries:
        # The line break before the closing delimiter is not part of a multi-line literal,
        # so one is added to keep the file's own last line break.
        parts.append('        ("%s", #"""\n%s\n"""#),\n' % (name, text))
    parts.append("    ]\n}\n")
    return "".join(parts)


def main():
    if len(sys.argv) > 3:
        fail("usage: embed-templates.py [TEMPLATES_DIR [OUTPUT_FILE]]")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "resources", "templates")
    default_out = os.path.join(
        root, "Sources", "TCMSServices", "TemplateData", "TemplatesData.swift")
    target = sys.argv[2] if len(sys.argv) > 2 else default_out

    entries = []
    for name in sorted(os.listdir(source_dir)):
        if name.startswith("."):
            continue
        if not NAME.match(name):
            fail("%s: a template name has only letters, digits, '.', '_' and '-'" % name)
        entries.append((name, read_template(os.path.join(source_dir, name))))

    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(swift_source(entries))
    print("wrote %s (%d templates)" % (target, len(entries)))


if __name__ == "__main__":
    main()
