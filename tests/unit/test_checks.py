"""One test per mistake a partner is likely to make: each gives one line with file, line and key."""

from __future__ import annotations

import pytest

from tests.unit.project import Project, minimal

TEXT = "- {id: name, type: text, label: {en: Name, et: Nimi}}\n"
NUMBER = "- {id: hours, type: number, label: {en: Hours, et: Tunnid}}\n"


def test_a_valid_worksheet_has_no_problems(project: Project) -> None:
    project.sheet("plan", TEXT + NUMBER)
    assert project.problems() == []
    assert [f.id for f in project.load().worksheets["plan"].top_fields()] == ["name", "hours"]


def test_a_missing_estonian_text_names_its_key(project: Project) -> None:
    project.sheet("plan", "- {id: name, type: text, label: {en: Name}}\n")
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].label: no Estonian text"
    ]


def test_an_empty_translation_is_reported(project: Project) -> None:
    project.sheet("plan", "- {id: name, type: text, label: {en: Name, et: ' '}}\n")
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].label.et: empty Estonian text"
    ]


def test_a_language_the_site_does_not_have_is_reported(project: Project) -> None:
    project.sheet("plan", "- {id: name, type: text, label: {en: Name, et: Nimi, fi: Nimi}}\n")
    assert (
        "label.fi: language 'fi' is not one of the site's languages (en, et)"
        in project.problems()[0]
    )


def test_a_misspelt_key_is_reported_as_unknown(project: Project) -> None:
    project.sheet("plan", "- {id: name, type: text, lable: {en: Name, et: Nimi}}\n")
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0]: missing 'label'",
        "worksheets/plan.yml:9: sections[0].fields[0].lable: unknown key (check its spelling)",
    ]


def test_a_wrong_type_names_what_was_expected(project: Project) -> None:
    project.sheet("plan", "- {id: name, type: text, label: {en: N, et: N}, required: 'yes'}\n")
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].required: should be true or false, not a text"
    ]


def test_a_mapping_where_a_list_belongs_is_reported(project: Project) -> None:
    project.write(
        "worksheets/plan.yml",
        "id: plan\nversion: 1\ntitle: {en: T, et: T}\n"
        "intro: {en: I, et: I}\nsections: {id: main}\n",
    )
    assert project.problems() == [
        "worksheets/plan.yml:5: sections: should be a list, not a mapping"
    ]


def test_an_unknown_field_type_lists_the_known_ones(project: Project) -> None:
    project.sheet("plan", "- {id: name, type: slider, label: {en: N, et: N}}\n")
    assert "sections[0].fields[0].type: should be one of: text, textarea" in project.problems()[0]


def test_a_bad_id_says_how_ids_are_written(project: Project) -> None:
    project.sheet("plan", "- {id: Course-Name, type: text, label: {en: N, et: N}}\n")
    assert "is not a valid id: use lowercase letters, digits and '_'" in project.problems()[0]


def test_a_duplicate_field_id_is_reported(project: Project) -> None:
    project.sheet("plan", TEXT + TEXT)
    assert project.problems() == [
        "worksheets/plan.yml:10: sections[0].fields[1].id: duplicate field id 'name'"
    ]


def test_a_duplicate_option_id_is_reported(project: Project) -> None:
    project.sheet(
        "plan",
        """\
        - id: mode
          type: choice
          label: {en: Mode, et: Vorm}
          options:
            - {id: a, label: {en: A, et: A}}
            - {id: a, label: {en: B, et: B}}
        """,
    )
    assert project.problems() == [
        "worksheets/plan.yml:14: sections[0].fields[0].options[1].id: duplicate option id 'a'"
    ]


def test_an_unknown_option_list_names_the_known_ones(project: Project) -> None:
    project.sheet(
        "plan", "- {id: level, type: choice, label: {en: L, et: T}, options_from: eqf-levels}\n"
    )
    assert "no option list 'eqf-levels' in data (known: assessment-type" in project.problems()[0]


def test_a_formula_with_a_syntax_error_says_where(project: Project) -> None:
    project.sheet(
        "plan",
        NUMBER + "- {id: total, type: computed, label: {en: T, et: K}, expr: 'hours * (2 +'}\n",
    )
    expected = "sections[0].fields[1].expr: expected a value but found the end at column 13"
    assert project.problems() == [f"worksheets/plan.yml:10: {expected}"]


def test_a_formula_naming_an_unknown_field_is_reported(project: Project) -> None:
    project.sheet(
        "plan",
        NUMBER + "- {id: total, type: computed, label: {en: T, et: K}, expr: hours * rate}\n",
    )
    assert "expr: no field 'rate' in this worksheet" in project.problems()[0]


def test_a_formula_doing_arithmetic_on_text_is_reported(project: Project) -> None:
    project.sheet(
        "plan", TEXT + "- {id: total, type: computed, label: {en: T, et: K}, expr: name * 2}\n"
    )
    assert "expr: '*' needs number, not text" in project.problems()[0]


def test_computed_values_depending_on_each_other_in_a_circle_are_reported(project: Project) -> None:
    project.sheet(
        "plan",
        """\
        - {id: a, type: computed, label: {en: A, et: A}, expr: b + 1}
        - {id: b, type: computed, label: {en: B, et: B}, expr: a + 1}
        """,
    )
    assert "computed values depend on each other in a circle: a -> b -> a" in project.problems()[0]


def test_a_condition_that_is_not_true_or_false_is_reported(project: Project) -> None:
    project.sheet(
        "plan", NUMBER + "- {id: why, type: text, label: {en: W, et: M}, show_if: hours + 1}\n"
    )
    assert "show_if: should give bool, but gives number" in project.problems()[0]


def test_a_link_to_an_unknown_worksheet_is_reported(project: Project) -> None:
    project.sheet(
        "plan", "- {id: cost, type: linked, label: {en: C, et: K}, source: costs.total}\n"
    )
    assert "source: no worksheet 'costs' (known: plan)" in project.problems()[0]


def test_a_link_to_an_unknown_field_is_reported(project: Project) -> None:
    project.sheet("costs", NUMBER)
    project.sheet(
        "plan", "- {id: cost, type: linked, label: {en: C, et: K}, source: costs.total}\n"
    )
    assert "source: worksheet 'costs' has no field 'total'" in project.problems()[0]


def test_a_linked_number_can_be_computed_with(project: Project) -> None:
    project.sheet("costs", NUMBER)
    project.sheet(
        "plan",
        """\
        - {id: hours_there, type: linked, label: {en: H, et: T}, source: costs.hours}
        - {id: days, type: computed, label: {en: D, et: P}, expr: hours_there / 8}
        """,
    )
    assert project.problems() == []


def test_a_worked_example_for_a_field_that_does_not_exist_is_reported(project: Project) -> None:
    project.sheet("plan", NUMBER)
    path = project.root / "worksheets" / "plan.yml"
    path.write_text(path.read_text() + "example:\n  hours: many\n  rate: 3\n")
    assert project.problems() == [
        "worksheets/plan.yml:11: example.hours: should be a number",
        "worksheets/plan.yml:12: example.rate: no field 'rate' to fill in this worksheet",
    ]


def test_a_worked_example_the_page_could_not_show_stops_the_build(project: Project) -> None:
    project.sheet(
        "plan",
        TEXT.replace("name", "title")
        + "- {id: start, type: date, label: {en: Start, et: Algus}}\n"
        + "- {id: rating, type: scale, label: {en: R, et: H}, points: "
        + "[{value: 1, label: {en: Low, et: Madal}}, {value: 2, label: {en: High, et: Kõrge}}]}\n"
        + "- {id: hours, type: number, label: {en: Hours, et: Tunnid}, min: 0, max: 30}\n",
    )
    path = project.root / "worksheets" / "plan.yml"
    example = "example:\n  title: 2024\n  start: next week\n  rating: 7\n  hours: 35\n"
    path.write_text(path.read_text() + example)
    assert project.problems() == [
        "worksheets/plan.yml:14: example.title: should be a text (or a language map)",
        "worksheets/plan.yml:15: example.start: should be a date written YYYY-MM-DD,"
        " such as 2027-01-31, in quotes",
        "worksheets/plan.yml:16: example.rating: should be one of 1, 2",
        "worksheets/plan.yml:17: example.hours: should be 30 or less",
    ]


def test_a_worked_example_in_both_languages_and_in_rows_is_checked_cell_by_cell(
    project: Project,
) -> None:
    project.sheet(
        "plan",
        "- {id: rows, type: table, label: {en: R, et: R}, columns: [{id: item, type: text, "
        "label: {en: I, et: A}}, {id: amount, type: money, label: {en: A, et: S}, min: 0}]}\n",
    )
    path = project.root / "worksheets" / "plan.yml"
    example = (
        "example:\n  rows:\n    - {item: {en: Rent, et: Üür}, amount: 100}\n"
        "    - {item: {en: Pay}, amount: -5}\n"
    )
    path.write_text(path.read_text() + example)
    assert project.problems() == [
        "worksheets/plan.yml:13: example.rows[1].amount: should be 0 or more",
        "worksheets/plan.yml:13: example.rows[1].item: no Estonian text",
    ]


def test_a_date_kept_in_order_after_no_other_date_is_reported(project: Project) -> None:
    project.sheet(
        "plan",
        "- {id: start, type: date, label: {en: S, et: A}}\n"
        "- {id: end, type: date, label: {en: E, et: L}, not_before: name}\n" + TEXT,
    )
    assert project.problems() == [
        "worksheets/plan.yml:10: sections[0].fields[1].not_before:"
        " 'name' is no other date field here"
    ]


def test_a_file_name_that_does_not_match_the_id_is_reported(project: Project) -> None:
    project.write("worksheets/other.yml", (project.sheet("plan", TEXT)).read_text())
    assert (
        "worksheets/other.yml:1: id: the id 'plan' should match the file name 'other.yml'"
        in project.problems()
    )


def test_min_larger_than_max_is_reported(project: Project) -> None:
    project.sheet("plan", "- {id: hours, type: number, label: {en: H, et: T}, min: 10, max: 1}\n")
    assert "min: min 10 is larger than max 1" in project.problems()[0]


def test_default_outside_min_and_max_is_reported(project: Project) -> None:
    field = "{id: rate, type: number, label: {en: R, et: M}, min: 25, max: 30, default: 40}"
    project.sheet("plan", f"- {field}\n")
    assert "fields[0].default: default 40 is outside min and max" in project.problems()[0]


def test_every_problem_of_every_file_is_reported_at_once(project: Project) -> None:
    project.sheet("plan", "- {id: name, type: text, label: {en: Name}}\n" + TEXT)
    project.write("worksheets/broken.yml", "id: broken\n\tversion: 1\n")
    problems = project.problems()
    assert len(problems) == 3
    assert all(line.startswith("worksheets/") and line.split(":")[1].isdigit() for line in problems)


def test_guidance_naming_a_missing_page_is_reported(project: Project) -> None:
    (project.root / "docs" / "guide").mkdir(parents=True)
    (project.root / "docs" / "guide" / "assessment.md").write_text("# Assessment\n")
    path = project.sheet("plan", TEXT)
    path.write_text(path.read_text() + "guidance: [guide/assessment.md, guide/nowhere.md]\n")
    expected = "worksheets/plan.yml:10: guidance[1]: no page docs/guide/nowhere.md"
    assert project.problems() == [expected]


def _fee_with_help(project: Project, help_text: str) -> None:
    project.sheet(
        "plan", f"- {{id: fee, type: money, label: {{en: F, et: T}}, help: {help_text}}}\n"
    )


def test_a_link_in_a_text_to_a_missing_page_is_reported(project: Project) -> None:
    (project.root / "docs" / "guide").mkdir(parents=True)
    (project.root / "docs" / "guide" / "costs.md").write_text("# Costs\n")
    _fee_with_help(project, "{en: 'See [c](guide/costs.md#fees).', et: 'Vt [k](guide/kulud.md).'}")
    expected = "worksheets/plan.yml:9: sections[0].fields[0].help.et: link 'guide/kulud.md': "
    assert project.problems() == [expected + "no page docs/guide/kulud.md"]


def test_a_link_to_a_page_written_as_its_address_is_reported(project: Project) -> None:
    (project.root / "docs").mkdir()
    _fee_with_help(
        project, "{en: 'See [c](../guide/costs/).', et: 'Vt [k](https://example.org/).'}"
    )
    (problem,) = project.problems()
    assert problem.endswith(
        "help.en: link '../guide/costs/': "
        "write a link to a page of this site as its file, e.g. guide/costs.md"
    )


# A chart names the fields it reads: the build checks each name where it is written.
SCORES = (
    "- {id: rating, type: scale, label: {en: Rating, et: Hinnang}, "
    "points: [{value: 1, label: {en: Low, et: Madal}}, {value: 4, label: {en: High, et: Kõrge}}]}\n"
    "- {id: score, type: computed, label: {en: Score, et: Tulemus}, expr: rating}\n"
    "- {id: name, type: text, label: {en: Name, et: Nimi}}\n"
)


def chart_sheet(project: Project, chart: str) -> None:
    project.write(
        "worksheets/plan.yml",
        minimal("plan", SCORES)
        + "charts:\n  - {id: scores_chart, type: scores, after: score, "
        + "title: {en: Scores, et: Tulemused}, min: 1, max: 4, "
        + chart
        + "}\n",
    )


def test_a_chart_reading_the_worksheets_numbers_has_no_problems(project: Project) -> None:
    chart_sheet(project, "bars: [score, rating], overall: score")
    assert project.problems() == []
    [chart] = project.load().worksheets["plan"].charts
    assert chart.reads == {"bars": ["score", "rating"], "overall": "score"}


def test_a_chart_naming_an_unknown_field_says_which_and_where(project: Project) -> None:
    chart_sheet(project, "bars: [score, scroe], overall: score")
    assert project.problems() == [
        "worksheets/plan.yml:13: charts[0].bars[1]: no field 'scroe' in this worksheet"
    ]


def test_a_chart_reading_a_text_is_reported(project: Project) -> None:
    chart_sheet(project, "bars: [score], overall: name")
    assert project.problems() == [
        "worksheets/plan.yml:13: charts[0].overall: a chart reads numbers, and 'name' is not "
        "one (text)"
    ]


def test_a_chart_placed_after_an_unknown_field_is_reported(project: Project) -> None:
    chart_sheet(project, "bars: [score], overall: score")
    text = (project.root / "worksheets" / "plan.yml").read_text("utf-8")
    project.write("worksheets/plan.yml", text.replace("after: score", "after: total"))
    assert project.problems() == [
        "worksheets/plan.yml:13: charts[0].after: no field 'total' in a section of this "
        "worksheet to draw the chart after"
    ]


def test_a_break_even_chart_missing_a_figure_names_it(project: Project) -> None:
    project.write(
        "worksheets/plan.yml",
        minimal("plan", SCORES)
        + "charts:\n  - {id: money, type: break_even, after: score, title: {en: M, et: M}, "
        + "fixed_cost: score, cost_per_learner: score, income_per_learner: score, group: score}\n",
    )
    assert project.problems() == ["worksheets/plan.yml:13: charts[0]: missing 'break_even'"]


OUTCOMES = (
    "- {id: outcomes, type: table, label: {en: O, et: Õ}, columns: "
    "[{id: outcome, type: textarea, label: {en: O, et: Õ}}]}\n"
)


def _plan(source: str, label: str = "outcome", column_type: str = "choice") -> str:
    return (
        "- {id: plan, type: table, label: {en: P, et: K}, columns: [{id: outcome, "
        f"type: {column_type}, label: {{en: O, et: Õ}}, options_from_answers: {source}, "
        f"option_label: {label}}}]}}\n"
        "- {id: left, type: computed, label: {en: L, et: J}, expr: unchosen(plan.outcome), "
        "format: text}\n"
    )


def test_a_choice_among_another_worksheets_rows_has_no_problems(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES)
    project.sheet("plan", _plan("curriculum.outcomes"))
    assert project.problems() == []


def test_options_from_answers_of_an_unknown_worksheet_are_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES)
    project.sheet("plan", _plan("curiculum.outcomes"))
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].columns[0].options_from_answers: "
        "no worksheet 'curiculum' (known: curriculum, plan)"
    ]


def test_options_from_answers_of_an_unknown_field_are_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES)
    project.sheet("plan", _plan("curriculum.outcome"))
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].columns[0].options_from_answers: "
        "worksheet 'curriculum' has no field 'outcome'"
    ]


def test_options_from_answers_of_a_field_that_is_no_table_are_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES + TEXT)
    project.sheet("plan", _plan("curriculum.name"))
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].columns[0].options_from_answers: "
        "'curriculum.name' is a text, not a table or group"
    ]


def test_an_option_label_that_is_no_column_of_the_rows_is_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES)
    project.sheet("plan", _plan("curriculum.outcomes", label="outcme"))
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].columns[0].option_label: "
        "'curriculum.outcomes' has no column 'outcme' (known: outcome)"
    ]


def test_options_from_answers_on_a_column_that_is_no_choice_are_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES)
    project.sheet("plan", _plan("curriculum.outcomes", column_type="text"))
    problems = project.problems()
    assert problems[0] == (
        "worksheets/plan.yml:9: sections[0].fields[0].columns[0].options_from_answers: "
        "options come from answers only for a choice, not a text"
    )


def test_unchosen_of_a_column_that_offers_no_rows_is_reported(project: Project) -> None:
    project.sheet(
        "plan",
        "- {id: plan, type: table, label: {en: P, et: K}, columns: "
        "[{id: method, type: text, label: {en: M, et: M}}]}\n"
        "- {id: left, type: computed, label: {en: L, et: J}, expr: unchosen(plan.method), "
        "format: text}\n",
    )
    assert (
        "expr: unchosen() needs column of rows chosen from another worksheet, not text column"
        in (project.problems()[0])
    )


OUTCOMES_WITH_LEVEL = (
    "- {id: outcomes, type: table, label: {en: O, et: Õ}, columns: "
    "[{id: outcome, type: textarea, label: {en: O, et: Õ}}, "
    "{id: level, type: number, label: {en: L, et: T}}]}\n"
)


def _plan_with_level(linked: str) -> str:
    """A plan whose rows choose an outcome and show a column of it: `linked` is the rest of the
    linked column's mapping."""
    return (
        "- {id: plan, type: table, label: {en: P, et: K}, columns: [{id: outcome, "
        "type: choice, label: {en: O, et: Õ}, options_from_answers: curriculum.outcomes, "
        "option_label: outcome}, {id: note, type: text, label: {en: N, et: M}}, "
        f"{{id: level, label: {{en: L, et: T}}, {linked}}}]}}\n"
    )


def test_a_linked_column_through_a_row_choice_has_no_problems(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet(
        "plan", _plan_with_level("type: linked, source: curriculum.outcomes.level, via: outcome")
    )
    assert project.problems() == []


WHERE = "worksheets/plan.yml:9: sections[0].fields[0].columns[2]"


@pytest.mark.parametrize(
    ("linked", "problem"),
    [
        (
            "type: linked, source: curriculum.outcomes.levl, via: outcome",
            "source: 'curriculum.outcomes' has no column 'levl' (known: outcome, level)",
        ),
        (
            "type: linked, source: curriculum.outcome.level, via: outcome",
            "source: 'outcome' chooses rows of 'curriculum.outcomes', not of 'curriculum.outcome'",
        ),
        (
            "type: linked, source: curriculum.outcomes.level, via: outcme",
            "via: 'outcme' is no choice among another worksheet's rows in this table"
            " (known: outcome)",
        ),
        (
            "type: linked, source: curriculum.outcomes.level, via: note",
            "via: 'note' is no choice among another worksheet's rows in this table"
            " (known: outcome)",
        ),
        ("type: linked", ": a linked column needs 'source' and 'via'"),
        (
            "type: linked, source: curriculum.outcomes.level, via: outcome, required: true",
            "required: a linked column is shown, not answered",
        ),
        (
            "type: text, source: curriculum.outcomes.level, via: outcome",
            "source: source and via are for a linked column",
        ),
    ],
)
def test_a_faulty_linked_column_is_reported(project: Project, linked: str, problem: str) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet("plan", _plan_with_level(linked))
    assert project.problems() == [WHERE + ("" if problem.startswith(":") else ".") + problem]


def test_a_linked_column_without_via_is_refused_by_the_shape(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet("plan", _plan_with_level("type: linked, source: curriculum.outcomes.level"))
    assert "via" in project.problems()[0]


def test_a_linked_column_of_an_unknown_worksheet_is_reported_once(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet(
        "plan",
        _plan_with_level("type: linked, source: curriculum.outcomes.level, via: outcome").replace(
            "options_from_answers: curriculum.outcomes", "options_from_answers: curiculum.outcomes"
        ),
    )
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].columns[0].options_from_answers: "
        "no worksheet 'curiculum' (known: curriculum, plan)",
        f"{WHERE}.source: 'outcome' chooses rows of 'curiculum.outcomes',"
        " not of 'curriculum.outcomes'",
    ]


def test_a_formula_reading_a_linked_column_is_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet(
        "plan",
        _plan_with_level("type: linked, source: curriculum.outcomes.level, via: outcome")
        + "- {id: most, type: computed, label: {en: M, et: M}, expr: max(plan.level)}\n",
    )
    assert project.problems() == [
        "worksheets/plan.yml:10: sections[0].fields[1].expr: max() with one argument needs"
        " number column,"
        " not linked column, which no formula reads"
    ]


def test_a_worked_example_filling_in_a_linked_column_is_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    linked = "type: linked, source: curriculum.outcomes.level, via: outcome"
    project.write(
        "worksheets/plan.yml",
        minimal("plan", _plan_with_level(linked))
        + "example:\n  plan:\n    - {outcome: r1, level: 3}\n",
    )
    assert project.problems() == [
        "worksheets/plan.yml:12: example.plan[0].level: a linked column is shown, not filled in"
    ]


# A group's member linked through a choice of the same group among another worksheet's rows.


def _group_with_level(
    linked: str, choice: str = "options_from_answers: curriculum.outcomes"
) -> str:
    """A group whose items choose an outcome and show a level of it: `linked` is the rest of the
    linked member's mapping, `choice` how the outcome member offers its options."""
    return (
        "- {id: plan, type: group, label: {en: P, et: K}, fields: [{id: outcome, "
        f"type: choice, label: {{en: O, et: Õ}}, {choice}, option_label: outcome}}, "
        "{id: note, type: text, label: {en: N, et: M}}, "
        f"{{id: level, label: {{en: L, et: T}}, {linked}}}]}}\n"
    )


LINKED_MEMBER = "type: linked, source: curriculum.outcomes.level, via: outcome"
IN_GROUP = "worksheets/plan.yml:9: sections[0].fields[0].fields"


def test_a_linked_member_of_a_group_through_a_row_choice_has_no_problems(
    project: Project,
) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet("plan", _group_with_level(LINKED_MEMBER))
    assert project.problems() == []


@pytest.mark.parametrize(
    ("linked", "problem"),
    [
        (
            "type: linked, source: curriculum.outcomes.levl, via: outcome",
            "[2].source: 'curriculum.outcomes' has no column 'levl' (known: outcome, level)",
        ),
        (
            "type: linked, source: curriculum.outcome.level, via: outcome",
            "[2].source: 'outcome' chooses rows of 'curriculum.outcomes',"
            " not of 'curriculum.outcome'",
        ),
        (
            "type: linked, source: curriculum.outcomes.level, via: outcme",
            "[2].via: 'outcme' is no choice among another worksheet's rows in this group"
            " (known: outcome)",
        ),
        (
            "type: linked, source: curriculum.outcomes.level, via: note",
            "[2].via: 'note' is no choice among another worksheet's rows in this group"
            " (known: outcome)",
        ),
        (
            f"{LINKED_MEMBER}, required: true",
            "[2].required: unknown key (check its spelling)",
        ),
        (
            "type: linked, source: curriculum.outcomes.level",
            "[2]: a linked value inside a group needs 'via', a choice of the group among rows",
        ),
    ],
)
def test_a_faulty_linked_member_of_a_group_is_reported(
    project: Project, linked: str, problem: str
) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet("plan", _group_with_level(linked))
    assert project.problems() == [IN_GROUP + problem]


def test_a_group_choice_among_rows_of_an_unknown_table_is_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    choice = "options_from_answers: curriculum.outcome"
    project.sheet("plan", _group_with_level(LINKED_MEMBER, choice))
    assert project.problems() == [
        f"{IN_GROUP}[0].options_from_answers: worksheet 'curriculum' has no field 'outcome'",
        f"{IN_GROUP}[2].source: 'outcome' chooses rows of 'curriculum.outcome',"
        " not of 'curriculum.outcomes'",
    ]


def test_a_choice_among_rows_outside_a_table_or_group_is_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet(
        "plan",
        "- {id: outcome, type: choice, label: {en: O, et: Õ},"
        " options_from_answers: curriculum.outcomes, option_label: outcome}\n",
    )
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].options_from_answers:"
        " options come from answers only in a table's column or a group's member"
    ]


def test_via_outside_a_group_is_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.sheet("plan", f"- {{id: level, label: {{en: L, et: T}}, {LINKED_MEMBER}}}\n")
    assert project.problems() == [
        "worksheets/plan.yml:9: sections[0].fields[0].via: via is for a linked value inside a group"
    ]


def test_a_worked_example_filling_in_a_linked_member_is_reported(project: Project) -> None:
    project.sheet("curriculum", OUTCOMES_WITH_LEVEL)
    project.write(
        "worksheets/plan.yml",
        minimal("plan", _group_with_level(LINKED_MEMBER))
        + "example:\n  plan:\n    - {outcome: r1, level: 3}\n",
    )
    assert project.problems() == [
        "worksheets/plan.yml:12: example.plan[0].level: a linked value is shown, not filled in"
    ]
