// What only some worksheets need, fetched when they do: answers from an earlier version, rows
// taken from another worksheet (read-only), a field's error or warning.

import { isMap, own } from "./rules.js";
import { h } from "./form.js";

const plain = (value) =>
  Array.isArray(value)
    ? value.map(plain).join(", ")
    : isMap(value)
      ? Object.entries(value)
          .map(([key, item]) => `${key}: ${plain(item)}`)
          .join("; ")
      : String(value ?? "");

/** The list of earlier answers: each one's old path and its value as plain text. */
export function showEarlier(root, earlier) {
  const entries = Object.entries(earlier);
  root.querySelector("[data-ws-earlier]").hidden = !entries.length;
  root
    .querySelector("[data-ws-earlier-list]")
    .replaceChildren(...entries.flatMap(([path, entry]) => [h("dt", {}, path), h("dd", {}, plain(entry.value))]));
}

const BLANK = "—";

/** Rows from another worksheet as a read-only table after their field's output (or none). */
export function showRows(output, rows, columns, describe) {
  const holder = output.closest(".ws-field");
  holder.querySelector(".ws-linked-rows")?.remove();
  if (!rows) return;
  // Named in each cell too, for when the table is narrow and its rows stand as cards (worksheet.css).
  const cell = (row, column) =>
    h("td", {}, h("span", { class: "ws-cell-label", "aria-hidden": "true" }, column.label), describe(own(row, column.id), column, true) ?? BLANK);
  holder.append(
    h(
      "div",
      { class: "ws-linked-rows" },
      h(
        "table",
        { class: "ws-table ws-table--fits", "aria-labelledby": output.getAttribute("aria-labelledby") },
        h("thead", {}, h("tr", {}, ...columns.map((column) => h("th", { scope: "col" }, column.label)))),
        h("tbody", {}, ...rows.map((row) => h("tr", {}, ...columns.map((column) => cell(row, column))))),
      ),
    ),
  );
}

/**
 * A value that breaks its field's rules is kept (it is the user's answer), but marked and
 * explained; a "warning" (dates out of order) is explained without marking the value wrong.
 */
export function showProblem(el, message, kind = "error") {
  const id = `${el.id}-${kind}`;
  const described = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
  let note = el.ownerDocument.getElementById(id);
  if (message) {
    if (!note) {
      note = h("span", { class: `ws-${kind}`, id });
      (el.closest(".ws-control") || el).after(note);
    }
    note.textContent = message;
    described.push(id);
    if (kind === "error") el.setAttribute("aria-invalid", "true");
  } else {
    note?.remove();
    if (kind === "error") el.removeAttribute("aria-invalid");
  }
  if (described.length) el.setAttribute("aria-describedby", described.join(" "));
  else el.removeAttribute("aria-describedby");
}
