"""The toolkit's settings in mkdocs.yml (`extra: toolkit:`): defaults, and a line per mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from mctoolkit.problems import ProblemError
from mctoolkit.siteconfig import Settings, settings, settings_problems

CONFIG = """\
site_name: Test
site_url: !ENV SITE_URL
extra:
  analytics: none
  toolkit:
{settings}
"""


def config_with(tmp_path: Path, lines: str) -> Path:
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "guide" / "terms.md").write_text("# Terms\n", "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(settings=lines), "utf-8")
    return config


def test_without_settings_the_glossary_and_its_translations_explain_no_acronyms(
    tmp_path: Path,
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\n", "utf-8")
    given = settings(config)
    assert given == Settings()
    assert not given.explains_acronyms("guide/glossary.md")
    assert not given.explains_acronyms("guide/glossary.et.md")
    assert given.explains_acronyms("guide/strategy.et.md")


def test_pages_without_acronyms_are_read_from_the_settings(tmp_path: Path) -> None:
    given = settings(config_with(tmp_path, "    pages_without_acronyms: [guide/terms.md]"))
    assert given.pages_without_acronyms == ("guide/terms.md",)
    assert not given.explains_acronyms("guide/terms.et.md")
    assert given.explains_acronyms("guide/glossary.md")


def test_every_kind_of_data_file_is_used_unless_the_settings_list_fewer(tmp_path: Path) -> None:
    assert "partners" in Settings().data_files
    given = settings(config_with(tmp_path, "    data_files: [eqf-levels, glossary]"))
    assert given.data_files == ("eqf-levels", "glossary")


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        (
            "    acronyms: []",
            "mkdocs.yml:6: extra.toolkit.acronyms: unknown setting; known: pages_without_acronyms, "
            "data_files",
        ),
        (
            "    pages_without_acronyms: guide/terms.md",
            "mkdocs.yml:6: extra.toolkit.pages_without_acronyms: must be a list of page paths",
        ),
        (
            "    pages_without_acronyms: [guide/gone.md]",
            "mkdocs.yml:6: extra.toolkit.pages_without_acronyms: no page docs/guide/gone.md",
        ),
        ("    - a list", "mkdocs.yml:5: extra.toolkit: must be a mapping of settings"),
        (
            "    data_files: [glossary, glosary]",
            "mkdocs.yml:6: extra.toolkit.data_files: no kind of data 'glosary'; known: "
            "eqf-levels, action-verbs, credits, standard-elements, principles, partners, glossary",
        ),
        (
            "    data_files: [glossary, glossary]",
            "mkdocs.yml:6: extra.toolkit.data_files: 'glossary' is listed twice",
        ),
    ],
)
def test_a_wrong_setting_is_one_line_naming_file_line_and_key(
    tmp_path: Path, lines: str, problem: str
) -> None:
    config = config_with(tmp_path, lines)
    with pytest.raises(ProblemError) as raised:
        settings(config)
    assert [str(found) for found in raised.value.problems] == [problem]
    assert [str(found) for found in settings_problems(config)] == [problem]
