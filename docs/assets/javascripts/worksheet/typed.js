// Number fields whose text the page's language cannot read ("24x"; "24.5" on the Estonian page),
// or whose number breaks its field's bounds: told beside the field. An unreadable text gives no
// answer, yet it is kept in the record (as `typed`) to be shown again, so nothing typed is lost,
// and the formulas that read such a field say why they are blank.

import { put } from "./answers.js";
import { fieldAt, pathOf } from "./form.js";
import { numberText, readNumber } from "./numbers.js";
import { inputKey, isMap, ruleBroken } from "./rules.js";

/** `extras()`: extras.js, loaded (it shows a problem beside its field). */
export function createNumberChecks({ form, spec, t, extras }) {
  const unreadable = new Set(); // names of the controls whose text could not be read

  /** A number field's text the page's language cannot read, or a number beyond its field's bounds. */
  function problemOf(el, field) {
    if (!el.hasAttribute("data-ws-number")) return null;
    const { value, unreadable: refused } = readNumber(el.value, spec.language);
    refused ? unreadable.add(el.name) : unreadable.delete(el.name);
    if (refused) return t("ws_error_number");
    const [rule] = ruleBroken(value, field) || [];
    if (!rule) return null;
    return t(`ws_error_${rule}`, { min: numberText(field.min, spec.language), max: numberText(field.max, spec.language) });
  }

  /** Tell the control's problem beside it, or take back one told before. */
  function check(el, field) {
    const message = problemOf(el, field);
    if (message || el.hasAttribute("aria-invalid")) extras().then((x) => x.showProblem(el, message));
  }

  /** The texts of the number fields the page cannot read, as a record keeps them. */
  function typedTexts() {
    const typed = {};
    for (const name of unreadable) {
      const text = form.elements.namedItem(name)?.value;
      if (text) put(typed, name, text);
    }
    return Object.keys(typed).length ? { typed } : {};
  }

  /** Such texts as she left them, shown again and still marked (only in a field still empty). */
  function restore(record) {
    const typed = isMap(record?.typed) ? record.typed : {};
    for (const [name, text] of Object.entries(typed)) {
      const el = form.elements.namedItem(name);
      const field = el?.hasAttribute?.("data-ws-number") && fieldAt(spec, pathOf(name));
      if (typeof text !== "string" || !field || el.value) continue;
      el.value = text;
      check(el, field);
    }
  }

  /** Add to `keys` the answer keys of the unreadable fields still on the page (a removed row's are forgotten). */
  function addUnreadableKeys(keys) {
    for (const name of unreadable) {
      if (form.elements.namedItem(name)) keys.add(inputKey(pathOf(name)));
      else unreadable.delete(name);
    }
    return keys;
  }

  return { check, typedTexts, restore, addUnreadableKeys, isUnreadable: (name) => unreadable.has(name), any: () => unreadable.size > 0 };
}
