// A worksheet page while the reader looks at the worked example: the worksheet's example
// answers, in the example workbook of this tab (session storage, so the example's other
// worksheets link to them), every control read-only, the tools that change or export answers
// hidden, and a way back to her own workbook. Her own answers are never read or written here.

import { copy, tidy } from "./answers.js";
import { fitAll } from "./check.js";
import { h } from "./form.js";
import { showExample } from "./store.js";

const CHANGING = ["clear", "example", "import", "export-sheet", "export-workbook", "undo"];

// Buttons that only show the answers another way: the example is to be read in those too.
const READING = ["description-show", "description-print"];

/** Every control of the form shows its answer and takes no edit. */
function lock(form) {
  for (const control of form.querySelectorAll("input, textarea, select, button")) {
    if (READING.includes(control.dataset.wsAction)) continue;
    if (/^(text|number|date|email|url|tel|search)$/.test(control.type) || control.tagName === "TEXTAREA") control.readOnly = true;
    else control.disabled = true;
  }
}

export function showAsExample(w) {
  const { root, form, spec, t } = w;
  const example = tidy(
    fitAll(copy(spec.example || {}), spec.fields, "", () => {}),
    spec.fields,
  );
  w.replace({ answers: example, earlier: {}, replaced: [] }, t("ws_example_name"));
  lock(form);
  for (const action of CHANGING) root.querySelectorAll(`[data-ws-action="${action}"]`).forEach((el) => (el.hidden = true));
  // Nothing of hers is saved or to be backed up here.
  root.querySelectorAll("[data-ws-saved-at], [data-ws-backup]").forEach((el) => (el.hidden = true));
  root.classList.add("ws--example");
  const leave = h("button", { type: "button", class: "ws-button ws-button--primary" }, t("ws_example_leave"));
  leave.addEventListener("click", () => {
    showExample(false);
    window.location.reload();
  });
  root
    .querySelector("[data-ws-toolbar]")
    .before(h("div", { class: "ws-example-note", role: "note", "data-ws-example-note": "" }, h("p", {}, t("ws_example_note")), leave));
}
