"""The coded-value lists in data/options.yml carry the EU vocabulary concepts the exports write."""

from __future__ import annotations

import re

import pytest

from mctoolkit.workbook import load_option_lists
from tests.conftest import ROOT
from tests.unit.project import LANGUAGES, Project

SNB = "http://data.europa.eu/snb/"
AUTHORITY = "http://publications.europa.eu/resource/authority/"

# list name -> the pattern every entry's concept must match
SCHEMES = {
    "eqf-level": rf"{SNB}eqf/[1-8]",
    "isced-field": rf"{SNB}isced-f/\d{{4}}",
    "language": rf"{AUTHORITY}language/[A-Z]{{3}}",
    "country": rf"{AUTHORITY}country/[A-Z]{{3}}",
    "learning-setting": rf"{SNB}learning-setting/[0-9a-f]{{10}}",
    "assessment-type": rf"{SNB}assessment/[0-9a-f]{{10}}",
    "credit-system": rf"{SNB}education-credit/[0-9a-f]{{10}}",
}


@pytest.fixture(scope="module")
def lists():
    found, problems = load_option_lists(ROOT, LANGUAGES)
    assert problems == []
    return found


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_every_entry_of_a_coded_list_names_its_concept_in_the_eu_vocabulary(lists, name):
    wrong = [o.id for o in lists[name] if not re.fullmatch(SCHEMES[name], o.uri or "")]
    assert wrong == []


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_no_two_entries_of_a_coded_list_share_a_concept(lists, name):
    uris = [o.uri for o in lists[name]]
    assert len(uris) == len(set(uris))


def test_the_isced_field_id_is_its_four_digit_code(lists):
    assert all(o.uri.endswith("/" + o.id[1:]) for o in lists["isced-field"])
    assert all(o.label["en"].startswith(o.id[1:] + " ") for o in lists["isced-field"])


def test_the_forms_of_participation_name_the_europass_modes_where_one_exists(lists):
    modes = {o.id: o.uri for o in lists["participation-form"]}
    assert modes["blended"] == f"{SNB}learning-assessment/e92d221e4d"
    assert modes["volunteering"] is None  # no Europass mode: the exports leave it out


def test_the_fields_a_vet_school_teaches_are_there(lists):
    ids = {o.id for o in lists["isced-field"]}
    assert {"f0414", "f0715", "f0732", "f1012", "f1013", "f0613", "f0922"} <= ids


def test_a_concept_that_is_not_an_address_stops_the_build_naming_file_key_and_line(tmp_path):
    project = Project(tmp_path)
    text = (ROOT / "data" / "options.yml").read_text("utf-8")
    broken = text.replace("uri: http://data.europa.eu/snb/eqf/4", "uri: eqf 4", 1)
    project.write("data/options.yml", broken)
    line = broken.splitlines().index("      uri: eqf 4") + 1
    problems = project.problems()
    assert len(problems) == 1
    assert problems[0].startswith(f"data/options.yml:{line}")
    assert "lists.eqf-level[3].uri" in problems[0]
