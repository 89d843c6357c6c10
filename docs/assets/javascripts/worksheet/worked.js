// What the answers work out to, shown: each formula's value (or why it has none) and the fields
// and sections that conditions hide. Fetched only by a page with formulas, conditions, charts or
// a description's panel (features.js); a page without them works nothing out.

import { answered, own, setAside } from "./rules.js";
import { inputsOf, solve } from "./evaluate.js";
import { put, same } from "./answers.js";
import { inputLabel, pathOf } from "./form.js";
import { setText } from "./page.js";

/** Each field's section id, for conditions that hide a whole section. */
function sectionsOfFields(spec) {
  const sectionOf = {};
  for (const section of spec.sections) {
    document
      .getElementById(`ws-${spec.id}--${section.id}`)
      ?.querySelectorAll("[data-field]")
      .forEach((el) => put(sectionOf, el.dataset.field, section.id));
  }
  return sectionOf;
}

/**
 * `state`: the worksheet's WorksheetState; `numbers`: its number checks (typed.js), which know
 * the fields whose text cannot be read; `outputs`: the form's outputs by name; `describe(value,
 * how)`: a value as the page says it.
 */
export function createWorkedOut({ form, spec, t, state, numbers, outputs, describe }) {
  const formulas = Object.entries(spec.fields).filter(([, field]) => field.formula);
  const sectionOf = sectionsOfFields(spec);
  const inputs = inputsOf(spec);
  const reasons = {}; // formula id: why it shows no value, as last shown
  let result = { values: {}, hidden: new Set() }; // the worked-out values and what conditions hide

  /** The answers to count: none that breaks its field's rules; the keys of those left out. */
  function countable() {
    const { counted, keys } = setAside(state.answers, spec.fields);
    return { counted, left: numbers.addUnreadableKeys(keys) };
  }

  const hidden = (key) => result.hidden.has(key) || result.hidden.has(`section:${own(sectionOf, key)}`);

  /** Why a formula has no value: an input to correct, inputs to answer, or these answers. */
  function reasonFor(fid, left) {
    const read = [...inputs.get(fid)];
    const wrong = read.filter((key) => left.has(key));
    if (wrong.length) return ["ws_formula_wrong", wrong];
    if (result.values[fid] != null) return null;
    const blank = read.filter((key) => !own(spec.fields, key)?.formula && !key.includes(".") && !hidden(key));
    const missing = blank.filter((key) => !answered(result.values[key]));
    return missing.length ? ["ws_formula_missing", missing] : ["ws_formula_impossible", []];
  }

  function showReason(fid, reason) {
    if (same(reason, own(reasons, fid))) return;
    put(reasons, fid, reason);
    const note = document.getElementById(`${outputs.get(fid).id}-note`);
    if (!reason) return setText(note, t("computed"));
    const names = reason[1].map((key) => t("ws_quoted", { text: inputLabel(form, spec, key) }));
    setText(note, t(reason[0], { fields: names.join(", ") }));
  }

  /** Conditions hide and show fields and sections as the worked-out result says. */
  function showConditions() {
    for (const el of form.querySelectorAll("[data-ws-conditional]")) {
      const path = el.dataset.field ? pathOf(el.dataset.field) : null;
      const section = () => "section:" + el.id.slice(`ws-${spec.id}--`.length);
      const key = !path ? section() : path.length === 3 ? `${path[0]}.${path[2]}` : path[0];
      el.hidden = result.hidden.has(key);
    }
  }

  /** Work everything out again from the answers and `linked` (values from other worksheets), and show it. */
  function work(linked) {
    const { counted, left } = countable();
    result = solve(spec, counted, linked, sectionOf);
    showConditions();
    for (const [fid, field] of formulas) {
      const reason = reasonFor(fid, left);
      if (reason?.[0] === "ws_formula_wrong") result.values[fid] = null; // counts in no other formula's stored value either
      setText(outputs.get(fid), describe(result.values[fid], field) ?? t("blank"));
      showReason(fid, reason);
    }
    return result;
  }

  /** The formulas' values as a record stores them (those with none left out). */
  const computed = () => Object.fromEntries(formulas.filter(([fid]) => result.values[fid] != null).map(([fid]) => [fid, result.values[fid]]));

  return { work, computed };
}
