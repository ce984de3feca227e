#!/usr/bin/env python3
"""convert-exports.py FILE...: declares the exports in FILEs the one way
(src/abi/export.rs), for the files symbols/legacy-declarations.txt still
lists. Transitional: delete it with that file.

- Rust: `#[unsafe(no_mangle)]` and `#[cfg_attr(not(test), unsafe(no_mangle))]`
  become `#[export]` on a name in symbols/ and `#[export(local)]` on any
  other (a helper the C fronts call). A file's own `macro_rules! forward`
  gives way to `abi::export::forward!`, each of its rows getting `#[export]`.
- C: `#include "../abi/export.h"` and `GCOMPAT_EXPORT(name);` after each
  top-level definition of a name in symbols/ (a function, with its body in
  braces or a one-line macro such as `FRONT(...)`, or a variable).

Then it deletes the converted names from symbols/legacy-declarations.txt.
What it cannot do is left to the build: a missing `# Safety` section or a
type the attribute has no C type for (macros/src/ctype.rs) is an error that
names the line.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYMBOLS = ROOT / "symbols"


def listed(file):
    lines = (SYMBOLS / file).read_text().splitlines()
    return {l.split("\t")[0].strip() for l in lines if l.strip() and not l.startswith("#")}


NAMES = listed("glibc.txt") | listed("runtime.txt")
NO_MANGLE = re.compile(r"^(\s*)#\[(?:cfg_attr\(not\(test\), unsafe\(no_mangle\)\)|unsafe\(no_mangle\))\]\s*$")


def rust(text):
    lines = text.split("\n")
    out, names = [], []
    for i, line in enumerate(lines):
        m = NO_MANGLE.match(line)
        if m:
            item = next(re.search(r"\b(?:fn|static(?: mut)?)\s+(\w+)", l) for l in lines[i + 1 :] if re.search(r"\b(?:fn|static(?: mut)?)\s+\w", l))
            name = item.group(1)
            out.append(m.group(1) + ("#[export]" if name in NAMES else "#[export(local)]"))
            names.append(name)
        else:
            out.append(line)
    text = "\n".join(out)
    # A local forward! macro: the shared one, and #[export] on each row.
    start = text.find("macro_rules! forward {")
    if start >= 0:
        doc = text.rfind("\n\n", 0, start) + 1
        end = text.index("\n}\n", start) + 3
        text = text[:doc] + text[end:].lstrip("\n")
        rows = []
        inside = False
        for line in text.split("\n"):
            if line.startswith("forward! {"):
                inside = True
            elif inside and line == "}":
                inside = False
            m = re.match(r"(\s+)pub unsafe extern \"C\" fn (\w+)\(", line) if inside else None
            if m:
                rows.append(m.group(1) + "#[export]")
                names.append(m.group(2))
            rows.append(line)
        text = "\n".join(rows)
        uses = [m.end() for m in re.finditer(r"^use [^;]*;\n", text, re.M)]
        at = uses[-1] if uses else text.index("forward! {")
        text = text[:at] + "use crate::abi::export::forward;\n" + ("" if uses else "\n") + text[at:]
    return text, names


def c(text):
    lines = text.split("\n")
    inserts, i, in_define = [], 0, False
    while i < len(lines):
        l = lines[i]
        if in_define or l.startswith("#define"):
            in_define = l.rstrip().endswith("\\")
            i += 1
            continue
        top = l and l[0] not in " \t#/*}"
        # A variable holding a function pointer: `void (*name)(int);`.
        m = top and re.match(r"\w[\w\s*]*\(\*\s*(\w+)\)\s*(\()", l)
        if m and m.group(1) in NAMES:
            end = next(j for j in range(i, len(lines)) if lines[j].rstrip().endswith(";"))
            inserts.append((end, m.group(1)))
            i = end + 1
            continue
        m = re.match(r"([^=(;]*?)\b(\w+)\s*(\(|;|=|\[)", l) if top else None
        if not m or m.group(2) not in NAMES or re.match(r"(static|typedef|extern)\b", l):
            i += 1
            continue
        end = i
        while not lines[end].rstrip().endswith((";", "{", "}", ")")):
            end += 1
        if m.group(3) != "(":  # a variable
            inserts.append((end, m.group(2)))
            i = end + 1
            continue
        # The parameter list's closing parenthesis, then what follows it.
        depth, k, col = 0, i, l.index("(", m.start(3))
        while True:
            for c_ in lines[k][col:]:
                depth += (c_ == "(") - (c_ == ")")
                if depth == 0:
                    break
                col += 1
            if depth == 0:
                break
            k, col = k + 1, 0
        rest = lines[k][col + 1 :].strip()
        if rest.endswith(";") and "{" not in rest:  # a prototype
            i = k + 1
            continue
        if "{" in rest:
            end = k if rest.endswith("}") else next(j for j in range(k + 1, len(lines)) if lines[j].startswith("}"))
        elif lines[k + 1].startswith("{"):
            one_line = lines[k + 1].rstrip().endswith("}")
            end = k + 1 if one_line else next(j for j in range(k + 2, len(lines)) if lines[j].startswith("}"))
        else:  # a one-line body macro: FRONT(...)
            end = k + 1
        inserts.append((end, m.group(2)))
        i = end + 1
    for end, name in reversed(inserts):
        lines.insert(end + 1, f"GCOMPAT_EXPORT({name});")
    if inserts and '#include "../abi/export.h"' not in lines:
        incs = [j for j, l in enumerate(lines) if l.startswith("#include")]
        at = incs[-1] + 1 if incs else 0
        lines[at:at] = (["", '#include "../abi/export.h"'] if incs else ['#include "../abi/export.h"', ""])
    return "\n".join(lines), [n for _, n in inserts]


def main():
    converted = set()
    for arg in sys.argv[1:]:
        path = Path(arg)
        text = path.read_text()
        new, names = (rust if path.suffix == ".rs" else c)(text)
        if new != text:
            path.write_text(new)
        print(f"{arg}: {len(names)} declared")
        converted.update((name, str(path.resolve().relative_to(ROOT))) for name in names)
    legacy = SYMBOLS / "legacy-declarations.txt"
    kept = [l for l in legacy.read_text().splitlines() if l.startswith("#") or tuple(l.split("\t")) not in converted]
    legacy.write_text("\n".join(kept) + "\n")


if __name__ == "__main__":
    main()
