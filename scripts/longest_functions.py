#!/usr/bin/env python3
"""The longest functions and files of a C++ tree: a measure of structure, for reviews.

usage: scripts/longest_functions.py [DIR] [--top N]     (default: engine, 10)

A function is a definition outside any other function: a signature whose last line ends in
") {" (or ") const {"), up to the matching closing brace; its length counts every line from
the signature's first line to the brace. Lambdas and nested blocks count toward the function
holding them.
"""
import os
import re
import sys

START = re.compile(r"^\s*[^;/]*\)\s*(?:const\s*)?(?:noexcept\s*)?(?:override\s*)?\{\s*$")


LITERALS = re.compile(r"'(?:\\.|[^'\\])'|\"(?:\\.|[^\"\\])*\"|//.*$")


def braces(line):
    """The change in brace depth on `line`, string and character literals and comments left out."""
    code = LITERALS.sub("", line)
    return code.count("{") - code.count("}")


def functions(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if START.match(line) and not line.lstrip().startswith(("if ", "for ", "while ", "switch ", "namespace", "}")):
            # the signature may begin on earlier lines: walk back to its first line
            first = i
            while first > 0 and lines[first - 1].strip() and not lines[first - 1].rstrip().endswith((";", "}", "{", "*/")) \
                    and not lines[first - 1].lstrip().startswith(("//", "#")):
                first -= 1
            depth = 0
            j = i
            while j < len(lines):
                depth += braces(lines[j])
                if depth <= 0:
                    break
                j += 1
            name = re.search(r"([A-Za-z_][A-Za-z_0-9:~]*)\s*\(", " ".join(lines[first:i + 1]))
            out.append((j - first + 1, name.group(1) if name else "?", path, first + 1))
            i = j + 1
            continue
        i += 1
    return out


def main():
    args = [a for a in sys.argv[1:]]
    top = 10
    if "--top" in args:
        k = args.index("--top")
        top = int(args[k + 1])
        del args[k:k + 2]
    root = args[0] if args else "engine"
    funcs, files = [], []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".cc", ".h")):
                p = os.path.join(d, n)
                with open(p, encoding="utf-8") as fh:
                    files.append((sum(1 for _ in fh), p))
                if n.endswith(".cc"):
                    funcs.extend(functions(p))
    funcs.sort(key=lambda f: (-f[0], f[2]))
    files.sort(key=lambda f: (-f[0], f[1]))
    print("longest functions (lines):")
    for length, name, path, line in funcs[:top]:
        print("  %4d  %s  (%s:%d)" % (length, name, os.path.relpath(path, root), line))
    print("longest files (lines):")
    for length, path in files[:top]:
        print("  %4d  %s" % (length, os.path.relpath(path, root)))


if __name__ == "__main__":
    main()
