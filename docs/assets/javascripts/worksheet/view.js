// Showing a worksheet's answers: every control as the answers have it (tables and groups with
// as many rows as they hold), and what follows from them: dates out of order, formulas and
// conditions, values from other worksheets, progress, the description's panel and the charts.

import { fewestRows, progress, progressWords, startRows } from "./answers.js";
import { own } from "./rules.js";
import { fieldAt, pathOf, write } from "./form.js";
import { setText } from "./page.js";

/**
 * The worksheet's parts it shows: `state` (the answers), `repeaters` (tables and groups, drawn
 * by `rows`, rows.js), `numbers`, `links`, `worked` and `dates` (see index.js); `extras()`:
 * extras.js, loaded.
 */
export function createView({ root, form, spec, t, state, repeaters, rows, numbers, links, worked, dates, extras }) {
  const $ = (selector) => root.querySelector(selector);
  const linkedFields = Object.entries(spec.fields).filter(([, field]) => field.source && !field.formula);
  let result = { values: {}, hidden: new Set() }; // the worked-out values and what conditions hide

  /** Each control in `container` as the answers have it, number fields checked. */
  function showControls(container) {
    const named = new Map();
    for (const el of container.querySelectorAll("input[name], textarea[name], select[name]")) {
      if (named.has(el.name)) named.get(el.name).push(el);
      else named.set(el.name, [el]);
    }
    for (const [name, els] of named) {
      const path = pathOf(name);
      write(els, state.valueAt(path), spec.language);
      numbers.check(els[0], fieldAt(spec, path));
    }
  }

  /** Every control as the answers have it, tables with as many rows as they hold. */
  function show() {
    for (const repeater of repeaters.values()) {
      const held = own(state.answers, repeater.id);
      const count = Array.isArray(held) ? Math.max(held.length, fewestRows(repeater.field)) : startRows(repeater.field);
      if (!repeater.drawn) rows.takeOverRows(repeater, count, t);
      else if (repeater.body.children.length !== count) rows.drawRows(repeater, count, t);
      repeater.drawn = true;
    }
    links.showRowChoices(form);
    showControls(form);
    if (Object.keys(state.earlier).length || !$("[data-ws-earlier]").hidden) extras().then((x) => x.showEarlier(root, state.earlier));
    $("[data-ws-replaced]").hidden = !state.replaced.length;
    update();
  }

  function showProgress() {
    const now = progress(spec.questions, state.answers);
    const meter = $("progress");
    meter.max = now.asked || 1;
    meter.value = now.answered;
    setText($("[data-ws-progress-text]"), t("ws_progress_text", progressWords(now, t)));
  }

  /** Work everything out again and show it: dates, formulas, conditions, linked values, progress. */
  function update() {
    dates.warn();
    links.showColumns();
    result = worked.work(links.values());
    for (const [fid, field] of linkedFields) links.showLinked(fid, field);
    showProgress();
    if (spec.exports) import("./credential.js").then((c) => c.showPanel(root, spec, current(), t));
    if (spec.charts) import("./chart.js").then((chart) => chart.showCharts(root, spec, result.values, t));
  }

  /** The answers, linked values and worked-out values as they stand, for the description's panel and exports. */
  const current = () => ({ answers: state.answers, linked: links.values(), values: result.values });

  /** A table's or group's `held` rows drawn again (one added, moved or removed), at least as many as it shows empty. */
  function redrawRows(repeater, held) {
    rows.drawRows(repeater, Math.max(held, fewestRows(repeater.field)), t);
    links.showRowChoices(repeater.body);
    showControls(repeater.body);
  }

  return { show, update, redrawRows, current };
}
