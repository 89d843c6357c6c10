// The page's DOM, changed by elements and text nodes only: nothing can become markup.
// A control's name is its answer's path ("modules.2.hours": row 3).

import { own } from "./rules.js";
import { numberText, readNumber } from "./numbers.js";

export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

export const hidden = (text) => h("span", { class: "ws-sr-only" }, text);

export function texts(root) {
  const strings = JSON.parse(root.querySelector(".ws-ui")?.textContent || "{}");
  return (key, values = {}) =>
    (Object.hasOwn(strings, key) ? strings[key] : key).replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
}

export const pathOf = (name) => name.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));

export function fieldAt(spec, path) {
  const top = own(spec.fields, path[0]);
  if (!top || path.length === 1) return top;
  return top.columns ? top.columns.find((column) => column.id === path[2]) : own(top.fields, path[2]);
}

export function controls(form, name) {
  const found = form.elements.namedItem(name);
  if (!found) return [];
  return (found instanceof RadioNodeList ? [...found] : [found]).filter((el) => el.tagName !== "OUTPUT");
}

/** A control's answer; a number field's text read as `language` writes numbers (unreadable: undefined). */
export function read(els, field, language) {
  const [first] = els;
  if (first.type === "checkbox") {
    const ticked = els.filter((el) => el.checked).map((el) => el.value);
    return ticked.length ? ticked : undefined;
  }
  if (first.type === "radio") {
    const chosen = els.find((el) => el.checked);
    if (!chosen) return undefined;
    return field?.type === "scale" ? Number(chosen.value) : chosen.value;
  }
  if (first.hasAttribute("data-ws-number")) return readNumber(first.value, language).value;
  return first.value === "" ? undefined : first.value;
}

/** Show `value` in its controls; a number's text is left as typed while it says the same number. */
export function write(els, value, language) {
  for (const el of els) {
    if (el.type === "checkbox") el.checked = Array.isArray(value) && value.includes(el.value);
    else if (el.type === "radio") el.checked = value != null && el.value === String(value);
    else if (el.hasAttribute("data-ws-number") && typeof value === "number") {
      if (readNumber(el.value, language).value !== value) el.value = numberText(value, language);
    } else {
      const text = value == null ? "" : String(value);
      if (el.value !== text) el.value = text;
    }
    refreshCopy(el);
  }
}

/**
 * Typing done before the script ran, as [name, value, ticked] (autocomplete="off" on the form
 * stops browsers restoring old values, which would pass for typing).
 */
export function typedEarly(form) {
  const ticks = (el) => /box|radio/.test(el.type);
  const filled = (el) => (ticks(el) ? el.checked : el.type === "select-one" ? el.selectedIndex > 0 : el.value);
  return [...form.elements].filter((el) => el.name && el.willValidate && filled(el)).map((el) => [el.name, el.value, ticks(el)]);
}

/** Put such typing back (the answers shown meanwhile wrote over it), each control as `typed(el)` takes it. */
export function typeAgain(form, early, typed) {
  for (const [name, value, tick] of early) {
    const el = controls(form, name).find((c) => !tick || c.value === value);
    if (!el) continue;
    tick ? (el.checked = true) : (el.value = value);
    typed(el);
  }
}

// The names a message gives the fields it speaks of.

/** A field's label, without its "(required)" mark. */
export function labelOf(form, id) {
  const wrapper = form.querySelector(`[data-field="${CSS.escape(id)}"]`);
  const label = wrapper?.querySelector("label, legend, .ws-label");
  if (!label) return id;
  return [...label.childNodes]
    .filter((node) => !node.classList?.contains("ws-required"))
    .map((node) => node.textContent)
    .join("")
    .trim();
}

/** What names an answer a formula reads: a field's label, or "Table: column" for a column. */
export function inputLabel(form, spec, key) {
  const [id, part] = key.split(".");
  if (!part) return labelOf(form, id);
  const field = own(spec.fields, id);
  const member = field?.columns ? field.columns.find((column) => column.id === part) : own(field?.fields, part);
  return `${labelOf(form, id)}: ${member?.label ?? part}`;
}

// Print shows text copies of controls: long answers in full, blanks as lines.

const copies = new WeakMap();

export function addPrintCopies(container) {
  for (const el of container.querySelectorAll("input:not([type=radio]):not([type=checkbox]):not([type=file]), textarea, select")) {
    if (copies.has(el) || !el.name) continue;
    const copy = h("span", { class: "ws-print", "aria-hidden": "true" });
    el.after(copy);
    copies.set(el, copy);
    refreshCopy(el);
  }
}

export function refreshCopy(el) {
  const copy = copies.get(el);
  if (!copy) return; // made with the tools, after the answers are first shown
  const text = el.tagName === "SELECT" ? (el.value && el.selectedOptions[0]?.text) || "" : el.value;
  if (copy.textContent !== text) copy.textContent = text;
}
