#!/usr/bin/env python3
"""Embed the national code lists into TCMSDomain as Swift string literals.

The tcms binary must run alone from /usr/local/bin, so the lists travel inside
the module instead of a resource bundle. Each TSV becomes one Swift file under
Sources/TCMSDomain/CodeData/ holding the whole file as a raw multi-line string.

Usage: scripts/embed-codes.py CODES_DIR [OUTPUT_DIR]
  CODES_DIR   folder with gb2260.tsv, gb4754-2017.tsv, iso3166.tsv, contract-codes.tsv
  OUTPUT_DIR  default: Sources/TCMSDomain/CodeData next to this script's parent
"""

import os
import sys

# (input file, Swift type, expected header, list name for the file comment)
LISTS = [
    ("gb2260.tsv", "GB2260Data",
     ["code", "name", "province_code", "prefecture_code", "valid_from_year",
      "valid_until_year"],
     "GB/T 2260 administrative division codes with their validity years"),
    ("gb4754-2017.tsv", "GB4754Data",
     ["code", "level", "name", "parent"],
     "GB/T 4754-2017 national economic industry classification"),
    ("iso3166.tsv", "ISO3166Data",
     ["alpha2", "alpha3", "numeric", "name", "name_zh"],
     "ISO 3166-1 country codes with Chinese names"),
    ("contract-codes.tsv", "ContractCodesData",
     ["list", "code", "name", "parent", "confirmed"],
     "technology-contract registration form code lists"),
]

SCRIPT = "scripts/embed-codes.py"


def fail(message):
    sys.stderr.write("embed-codes: %s\n" % message)
    sys.exit(1)


def read_list(path, header):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()

    lines = text.rstrip("\n").split("\n")
    if lines[0].split("\t") != header:
        fail("%s: header is %r, expected %r" % (path, lines[0], "\t".join(header)))

    for number, line in enumerate(lines[1:], start=2):
        if len(line.split("\t")) != len(header):
            fail("%s:%d: expected %d tab-separated fields" % (path, number, len(header)))
        if '"""' in line or "\\" in line or "\r" in line:
            fail("%s:%d: contains a character the raw literal cannot hold" % (path, number))

    return "\n".join(lines) + "\n"


def swift_source(file_name, type_name, description, text):
    return (
        "// Generated file: do not edit. Made by %s from %s,\n"
        "// %s.\n"
        "// Run the script again after the list changes.\n"
        "\n"
        "/// The embedded `%s`, parsed once by its code-list type.\n"
        "enum %s {\n"
        "    static let tsv = #\"\"\"\n"
        "%s"
        "\"\"\"#\n"
        "}\n" % (SCRIPT, file_name, description, file_name, type_name, text)
    )


def main():
    if len(sys.argv) not in (2, 3):
        fail("usage: embed-codes.py CODES_DIR [OUTPUT_DIR]")

    codes_dir = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default_out = os.path.join(root, "Sources", "TCMSDomain", "CodeData")
    out_dir = sys.argv[2] if len(sys.argv) == 3 else default_out
    os.makedirs(out_dir, exist_ok=True)

    for file_name, type_name, header, description in LISTS:
        text = read_list(os.path.join(codes_dir, file_name), header)
        source = swift_source(file_name, type_name, description, text)
        target = os.path.join(out_dir, type_name + ".swift")
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(source)
        print("wrote %s (%d rows)" % (target, text.count("\n") - 1))


if __name__ == "__main__":
    main()
