"""`mctoolkit`: the build's checks, the translators' status, and new pages and worksheets."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mctoolkit import scaffold, siteconfig, status, translations
from mctoolkit.languages import language_name
from mctoolkit.problems import ProblemError, github_annotation
from mctoolkit.project import check_project
from mctoolkit.shape import schema


def _check(arguments: argparse.Namespace) -> int:
    root = Path(arguments.root)
    languages = siteconfig.languages(root / arguments.config)
    try:  # a wrong setting is one of the problems; the others are checked as by default
        given, problems = siteconfig.settings(root / arguments.config), []
    except ProblemError as error:
        given, problems = siteconfig.Settings(), list(error.problems)
    problems += check_project(root, languages, given.data_files)
    for problem in problems:
        print(github_annotation(problem) if arguments.format == "github" else problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found")
        return 1
    count = len(list((root / "worksheets").glob("*.yml")))
    print(f"{count} worksheets checked in {', '.join(languages)}: no problems")
    return 0


def _translations(arguments: argparse.Namespace) -> int:
    root = Path(arguments.root)
    languages = siteconfig.languages(root / arguments.config)
    missing = translations.gaps(root / "docs", languages)
    for gap in missing:
        state = "marked pending" if gap.marked_pending else "missing: the build stops"
        print(f"docs/{gap.page}: no {language_name(gap.language)} translation ({state})")
    print(
        f"{len(missing)} page(s) without a translation" if missing else "every page is translated"
    )
    return 1 if any(not gap.marked_pending for gap in missing) else 0


def _status(arguments: argparse.Namespace) -> int:
    root = Path(arguments.root)
    languages = siteconfig.languages(root / arguments.config)
    if arguments.language and arguments.language not in languages[1:]:
        print(f"'{arguments.language}' is not a translation language ({', '.join(languages[1:])})")
        return 2
    if arguments.mark_current:
        for target in arguments.mark_current:
            if not Path(target).exists():
                print(f"{target}: no such file or folder")
                return 2
            if not Path(target).resolve().is_relative_to(root.resolve()):
                print(f"{target}: not inside the project folder {root}")
                return 2
            count = status.mark_current(root, Path(target), languages, arguments.language)
            print(f"{target}: {count} translation(s) confirmed as current")
        return 0
    for problem in status.lock_problems(root):
        print(problem)
    report = status.status(root, languages)
    if arguments.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        names = {code: language_name(code).strip("'") for code in languages}
        print("\n".join(status.describe(report, names)))
    return 0


def _new(arguments: argparse.Namespace) -> int:
    root = Path(arguments.root)
    config = root / arguments.config
    languages = siteconfig.languages(config)
    make = scaffold.new_page if arguments.kind == "page" else scaffold.new_worksheet
    try:
        written = make(root, config, arguments.name, languages)
    except scaffold.ScaffoldError as error:
        print(error)
        return 1
    for file in written.files:
        print(f"wrote {file}")
    if written.nav:
        print(f"added the page to the nav in {arguments.config}")
    print("Replace every 'TODO:' placeholder; `mctoolkit check` lists those still left.")
    return 0


def _schema(arguments: argparse.Namespace) -> int:
    print(json.dumps(schema(arguments.name), indent=2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mctoolkit", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="run the build's checks")
    check.add_argument("--root", default=".", help="the project folder (default: here)")
    check.add_argument("--config", default="mkdocs.yml", help="the site configuration file")
    check.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="github: each problem as an annotation on its line of a pull request",
    )
    check.set_defaults(run=_check)
    report = commands.add_parser("translations", help="list pages that wait for a translation")
    report.add_argument("--root", default=".", help="the project folder (default: here)")
    report.add_argument("--config", default="mkdocs.yml", help="the site configuration file")
    report.set_defaults(run=_translations)
    state = commands.add_parser(
        "status", help="which translations are done, missing or outdated, per language"
    )
    state.add_argument("--root", default=".", help="the project folder (default: here)")
    state.add_argument("--config", default="mkdocs.yml", help="the site configuration file")
    state.add_argument("--json", action="store_true", help="print the status as JSON")
    state.add_argument(
        "--mark-current",
        metavar="PATH",
        nargs="+",
        help="confirm the translations in these files or folders as matching their source",
    )
    state.add_argument("--language", help="with --mark-current: only this language")
    state.set_defaults(run=_status)
    new = commands.add_parser("new", help="start a page or a worksheet, in every language")
    new.add_argument("kind", choices=["page", "worksheet"])
    new.add_argument("name", help="page: its path under docs/, e.g. guide/funding; worksheet: id")
    new.add_argument("--root", default=".", help="the project folder (default: here)")
    new.add_argument("--config", default="mkdocs.yml", help="the site configuration file")
    new.set_defaults(run=_new)
    show = commands.add_parser("schema", help="print a JSON Schema of the package")
    show.add_argument(
        "name", nargs="?", default="worksheet", choices=["worksheet", "options", "ui"]
    )
    show.set_defaults(run=_schema)
    arguments = parser.parse_args(argv)
    try:
        code: int = arguments.run(arguments)
    except ProblemError as error:  # a file every command needs, such as mkdocs.yml, is broken
        print("\n".join(map(str, error.problems)))
        return 1
    return code


if __name__ == "__main__":
    raise SystemExit(main())
