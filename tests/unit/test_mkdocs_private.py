"""The private parts of MkDocs and its plugins the hook relies on, where no public API does it:
if an upgrade changes one of them, these fail before a build goes wrong in a subtler way."""

from __future__ import annotations

import inspect

from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands import build
from mkdocs_static_i18n.plugin import I18n


def test_mkdocs_still_writes_a_theme_page_with_build_theme_template() -> None:
    parameters = list(inspect.signature(build._build_theme_template).parameters)
    assert parameters == ["template_name", "env", "files", "config", "nav"]


def test_the_i18n_plugin_still_says_which_language_it_builds_and_whether_it_is_building() -> None:
    plugin = I18n()
    assert plugin.current_language is None
    assert plugin.building is False


def test_materials_search_still_keeps_the_last_index_for_dirty_rebuilds_in_one_attribute() -> None:
    assert SearchPlugin().search_index_prev is None
