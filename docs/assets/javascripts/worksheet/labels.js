// The names a message gives the fields it speaks of: a field's label as the page shows it, and
// a table's column as "Table: column".

import { own } from "./rules.js";

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
