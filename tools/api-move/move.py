#!/usr/bin/env python3
"""Moves Java packages and classes across the whole tree, as listed in moves.txt beside this script.

Run from the repository root: ``python3 tools/api-move/move.py [--dry-run] [--mapping FILE]``.

Each line of the mapping is one of
    package OLD.PKG -> NEW.PKG     every file of OLD.PKG and of its sub-packages, in every module
    class OLD.PKG.Name -> NEW.PKG  one top-level type (and its test class NameTest, if one exists)
    class OLD.PKG.Name -> NEW.PKG keep-test   the type only; its test stays (it uses the old package's helpers)
    class OLD.PKG.Name -> NEW.PKG in MODULE   also into another Maven module (directory name), e.g. "in domain"
(keep-test and "in MODULE" combine, in that order).
Blank lines and lines starting with '#' are ignored. All class lines run first (in file order), then all
package lines (in file order), so a class can be pulled out of a package that then moves as a whole.

What a move does:
- ``git mv`` the files under ``<module>/src/*/java`` and ``<module>/src/*/resources`` of every module;
- rewrites every textual reference in tracked text files (Java, poms, Markdown, resources, scripts under bin/
  and .ci/): dotted names (``old.pkg.X``, ``old.pkg;``) and slashed paths (``old/pkg/X``), matching whole
  name segments only (``token.domain.token`` never hits ``token.domain.tokenx``), and never on a line that
  names a module (``<moduleName>``, ``Automatic-Module-Name``);
- for a class move: rewrites the moved file's package line, adds imports to the moved file for the
  old package's types it names, and adds an import of the moved type to every file of the old package
  that names it.
The script is safe to run again: entries whose source no longer exists are skipped and reported, and a
rewrite never applies twice (NEW may extend OLD, e.g. ``a.b -> a.b.internal``). Only the files that hold a
reference change. It never touches this tool's own directory.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path.cwd()
TOOL_DIR = Path(__file__).resolve().parent
TEXT_SUFFIXES = {".java", ".xml", ".md", ".txt", ".properties", ".json", ".sh", ".yml", ".yaml", ".cfg",
                 ".conf", ".jfc", ".mf", ".MF", ".policy", ".html", ".csv", ""}
IDENT = r"[A-Za-z0-9_$]"
PROTECTED = re.compile(r"<moduleName>|Automatic-Module-Name")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def source_roots() -> list[Path]:
    roots = []
    for pom in sorted(ROOT.glob("*/pom.xml")):
        module = pom.parent
        for kind in ("java", "resources"):
            roots.extend(sorted(p for p in module.glob(f"src/*/{kind}") if p.is_dir()))
    return roots


def tracked_text_files() -> list[Path]:
    files = []
    for line in git("ls-files").splitlines():
        path = ROOT / line
        if not path.is_file() or TOOL_DIR in path.resolve().parents:
            continue
        if path.suffix in TEXT_SUFFIXES or "META-INF" in line or line.startswith(("bin/", ".ci/")):
            files.append(path)
    return files


def reference_pattern(old: str, new: str, sep: str, whole_type: bool) -> re.Pattern:
    """A whole-segment match of ``old`` written with ``sep``; never matches where ``new`` already stands."""
    old_text = old.replace(".", sep)
    guard = ""
    if new.startswith(old + "."):
        suffix = new[len(old):].replace(".", sep)
        guard = f"(?!{re.escape(suffix)}(?!{IDENT}))"
    # A class name ends where the identifier ends; a package name may be followed by a sub-package.
    tail = f"(?!{IDENT})"
    return re.compile(f"(?<![A-Za-z0-9_$.]){re.escape(old_text)}{tail}{guard}")


def rewrite_references(pairs: list[tuple[str, str]], files: list[Path], report: list[str]) -> int:
    compiled = []
    for old, new in pairs:
        for sep in (".", "/"):
            compiled.append((reference_pattern(old, new, sep, False), new.replace(".", sep)))
    changed = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if PROTECTED.search(line):
                continue  # a module's name is not a package name, even where it reads like one
            for pattern, replacement in compiled:
                line = pattern.sub(replacement, line)
            lines[i] = line
        updated = "\n".join(lines)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            changed += 1
    return changed


def git_mv(src: Path, dst: Path, dry: bool) -> None:
    if dry:
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    git("mv", str(src.relative_to(ROOT)), str(dst.relative_to(ROOT)))


def rename_service_files(pairs: list[tuple[str, str]], dry: bool, report: list[str]) -> None:
    """META-INF/services files are named after the interface they implement."""
    for path in sorted(ROOT.glob("*/src/*/resources/META-INF/services/*")):
        name = path.name
        for old, new in pairs:
            if name == old or name.startswith(old + ".") and not name.startswith(new + "."):
                target = path.with_name(new + name[len(old):])
                report.append(f"  rename service file {path.relative_to(ROOT)} -> {target.name}")
                git_mv(path, target, dry)
                break


# ---- class moves -------------------------------------------------------------------------------------------

IMPORT_RE = re.compile(r"^import\s+(static\s+)?([\w.$]+)(\.\*)?\s*;", re.M)
PACKAGE_RE = re.compile(r"^package\s+([\w.]+)\s*;", re.M)


def strip_comments_and_strings(text: str) -> str:
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def drop_same_package_imports(path: Path) -> bool:
    """A class moved into a package its users already import from leaves a redundant self-import."""
    text = path.read_text(encoding="utf-8")
    m = PACKAGE_RE.search(text)
    if not m:
        return False
    own = re.escape(m.group(1))
    updated = re.sub(rf"^import\s+{own}\.[A-Z]\w*\s*;\n", "", text, flags=re.M)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        return True
    return False


def names_used(text: str) -> set[str]:
    body = PACKAGE_RE.sub("", IMPORT_RE.sub("", text))
    return set(re.findall(r"(?<![\w.$])([A-Z][A-Za-z0-9_]*)\b", body))


def imported_simple_names(text: str) -> set[str]:
    return {m.group(2).rsplit(".", 1)[-1] for m in IMPORT_RE.finditer(text) if not m.group(1) and not m.group(3)}


def add_imports(path: Path, fqns: set[str]) -> bool:
    text = path.read_text(encoding="utf-8")
    present = {m.group(2) for m in IMPORT_RE.finditer(text) if not m.group(1)}
    wanted = sorted(f for f in fqns if f not in present)
    if not wanted:
        return False
    lines = text.split("\n")
    for fqn in wanted:
        line = f"import {fqn};"
        index = None
        last_import = None
        package_line = None
        for i, existing in enumerate(lines):
            if existing.startswith("package "):
                package_line = i
            if existing.startswith("import ") and not existing.startswith("import static "):
                last_import = i
                if index is None and existing > line:
                    index = i
            elif existing.startswith("import static "):
                last_import = i if last_import is None else last_import
        if index is None:
            if last_import is not None:
                index = last_import + 1
            else:
                index = (package_line or 0) + 1
                lines.insert(index, "")
                index += 1
        lines.insert(index, line)
    path.write_text("\n".join(lines), encoding="utf-8")
    return True


def package_files(pkg: str) -> list[Path]:
    rel = pkg.replace(".", "/")
    return sorted(f for root in source_roots() for f in (root / rel).glob("*.java") if f.is_file())


def move_class(fqn: str, new_pkg: str, keep_test: bool, module: str | None, dry: bool,
               report: list[str]) -> list[tuple[str, str]]:
    old_pkg, name = fqn.rsplit(".", 1)
    stems = (name,) if keep_test else (name, name + "Test", name + "Tests")
    sources = [f for f in package_files(old_pkg) if f.stem in stems]
    if not sources:
        report.append(f"SKIP class {fqn}: no source in {old_pkg} (already moved?)")
        return []
    moved = []
    old_names_by_root = {}
    for src in sources:
        root = next(r for r in source_roots() if r in src.parents)
        old_names_by_root[src] = {f.stem for f in package_files(old_pkg) if f.stem not in (name, src.stem)}
        if module:
            root = ROOT / module / root.relative_to(root.parents[2])
        dst = root / new_pkg.replace(".", "/") / src.name
        report.append(f"  git mv {src.relative_to(ROOT)} -> {dst.relative_to(ROOT)}")
        git_mv(src, dst, dry)
        moved.append((src, dst))
    if dry:
        return [(fqn, f"{new_pkg}.{name}")]
    for src, dst in moved:
        text = dst.read_text(encoding="utf-8")
        text = PACKAGE_RE.sub(f"package {new_pkg};", text, count=1)
        dst.write_text(text, encoding="utf-8")
        used = names_used(strip_comments_and_strings(text)) - imported_simple_names(text)
        # Javadoc may name a type too; those imports keep {@link} resolving.
        used |= set(re.findall(r"\{@link(?:plain)?\s+([A-Z]\w*)", text))
        needed = {f"{old_pkg}.{n}" for n in old_names_by_root[src] if n in used}
        if needed:
            add_imports(dst, needed)
            report.append(f"    imports added to {dst.name}: {', '.join(sorted(needed))}")
    # Files left in the old package name the moved type by its simple name.
    for moved_name in {dst.stem for _, dst in moved}:
        for other in package_files(old_pkg):
            text = other.read_text(encoding="utf-8")
            if moved_name in names_used(text) and moved_name not in imported_simple_names(text):
                add_imports(other, {f"{new_pkg}.{moved_name}"})
                report.append(f"    import {new_pkg}.{moved_name} added to {other.relative_to(ROOT)}")
    return [(f"{old_pkg}.{dst.stem}", f"{new_pkg}.{dst.stem}") for _, dst in moved]


# ---- package moves -----------------------------------------------------------------------------------------

def move_package(old: str, new: str, dry: bool, report: list[str]) -> bool:
    old_rel, new_rel = old.replace(".", "/"), new.replace(".", "/")
    found = False
    for root in source_roots():
        base = root / old_rel
        if not base.is_dir():
            continue
        for src in sorted(p for p in base.rglob("*") if p.is_file()):
            rel = src.relative_to(base)
            if new.startswith(old + ".") and rel.parts[: len(new_rel.split("/")) - len(old_rel.split("/"))] \
                    == tuple(new_rel.split("/")[len(old_rel.split("/")):]):
                continue  # already inside the new package
            dst = root / new_rel / rel
            found = True
            git_mv(src, dst, dry)
        if found:
            report.append(f"  git mv {base.relative_to(ROOT)}/** -> {(root / new_rel).relative_to(ROOT)}/")
    if not found:
        report.append(f"SKIP package {old}: no files (already moved?)")
    return found


def parse_mapping(path: Path) -> tuple[list[tuple[str, str, bool, str | None]], list[tuple[str, str]]]:
    classes, packages = [], []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"(package|class)\s+([\w.$]+)\s*->\s*([\w.]+)(\s+keep-test)?(?:\s+in\s+([\w-]+))?", line)
        if not m or ((m.group(4) or m.group(5)) and m.group(1) != "class"):
            sys.exit(f"{path}:{number}: cannot read '{raw}'")
        if m.group(5) and not (ROOT / m.group(5) / "pom.xml").is_file():
            sys.exit(f"{path}:{number}: no module {m.group(5)}")
        if m.group(1) == "class":
            classes.append((m.group(2), m.group(3), bool(m.group(4)), m.group(5)))
        else:
            packages.append((m.group(2), m.group(3)))
    return classes, packages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mapping", default=str(TOOL_DIR / "moves.txt"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    classes, packages = parse_mapping(Path(args.mapping))
    report: list[str] = []

    for fqn, new_pkg, keep_test, module in classes:
        report.append(f"class {fqn} -> {new_pkg}" + (" (test stays)" if keep_test else "")
                      + (f" in module {module}" if module else ""))
        pairs = move_class(fqn, new_pkg, keep_test, module, args.dry_run, report)
        if pairs and not args.dry_run:
            rename_service_files(pairs, args.dry_run, report)
            n = rewrite_references(pairs, tracked_text_files(), report)
            report.append(f"    references rewritten in {n} files")

    for old, new in packages:
        report.append(f"package {old} -> {new}")
        if move_package(old, new, args.dry_run, report) and not args.dry_run:
            rename_service_files([(old, new)], args.dry_run, report)
            n = rewrite_references([(old, new)], tracked_text_files(), report)
            report.append(f"    references rewritten in {n} files")

    # Redundant imports of a file's own package, and empty directories left behind by git mv.
    if not args.dry_run:
        cleaned = [f for root in source_roots() for f in root.rglob("*.java") if drop_same_package_imports(f)]
        report.append(f"same-package imports dropped in {len(cleaned)} files")
        for root in source_roots():
            for d in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
                if not any(d.iterdir()):
                    d.rmdir()
    print("\n".join(report))
    skipped = sum(1 for line in report if line.startswith("SKIP"))
    print(f"done: {len(classes)} class entries, {len(packages)} package entries, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
