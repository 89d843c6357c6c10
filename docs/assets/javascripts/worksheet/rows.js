// Table rows and group items drawn from the page's <template>, with buttons to move and remove.

import { fewestRows } from "./answers.js";
import { addPrintCopies, h, hidden } from "./form.js";

const ICONS = { up: "↑", down: "↓", remove: "×", add: "+" };

function button(op, id, index, label, disabled) {
  return h(
    "button",
    { type: "button", class: `ws-icon ws-icon--${op}`, "data-ws-op": op, "data-ws-field": id, "data-ws-index": index, title: label, disabled },
    h("span", { "aria-hidden": "true" }, ICONS[op]),
    hidden(label),
  );
}

function instantiate(template, index) {
  const fragment = template.content.cloneNode(true);
  for (const el of fragment.querySelectorAll("*")) {
    for (const attribute of el.attributes) {
      if (attribute.value.includes("__")) {
        attribute.value = attribute.value.replaceAll("__index__", index).replaceAll("__number__", index + 1);
      }
    }
  }
  fragment.querySelectorAll("[data-ws-number]").forEach((span) => (span.textContent = index + 1));
  return fragment.firstElementChild;
}

export function findRepeaters(form, spec, t) {
  const found = new Map();
  for (const [id, field] of Object.entries(spec.fields)) {
    if (field.type !== "table" && field.type !== "group") continue;
    const wrapper = form.querySelector(`[data-field="${CSS.escape(id)}"]`);
    const body = wrapper?.querySelector("[data-ws-rows], [data-ws-items]");
    const template = wrapper?.querySelector("template[data-ws-row], template[data-ws-item]");
    if (!body || !template) continue;
    const table = field.type === "table";
    const what = table ? t("row") : template.content.querySelector("legend")?.firstChild?.textContent.trim() || "";
    const name = wrapper.querySelector("legend")?.firstChild?.textContent.trim() || id;
    const add = h(
      "button",
      { type: "button", class: "ws-button ws-add", "data-ws-op": "add", "data-ws-field": id },
      h("span", { "aria-hidden": "true" }, `${ICONS.add} `),
      t(table ? "add_row" : "add_item"),
      hidden(` ${t("ws_add_to", { name })}`),
    );
    (table ? body.closest(".ws-table-wrap") : body).after(add);
    found.set(id, { id, field, body, template, table, what, add });
  }
  return found;
}

/** Draw a repeater's rows afresh, `count` of them, each from the page's template. */
export function drawRows(repeater, count, t) {
  repeater.body.replaceChildren();
  takeOverRows(repeater, count, t);
}

/**
 * The first drawing keeps the rows the page came with, adding or removing only what the answers
 * need: she may be typing in one already (the script can start after she does), and a row
 * replaced under her would take her focus and, mid-keystroke, what she typed.
 */
export function takeOverRows(repeater, count, t) {
  const { body, template } = repeater;
  while (body.children.length > count) body.lastElementChild.remove();
  for (let index = body.children.length; index < count; index++) body.append(instantiate(template, index));
  giveActions(repeater, t);
}

/** Each row's buttons to move it and remove it, named by its place. */
function giveActions(repeater, t) {
  const { id, field, body, table, what } = repeater;
  const count = body.children.length;
  [...body.children].forEach((row, index) => {
    const place = table ? row.querySelector(".ws-table__actions") : actionsOfItem(row);
    const whose = table ? `${t("row")} ${index + 1}` : `${what} ${index + 1}`;
    place.replaceChildren(
      ...(table ? [h("span", { class: "ws-row-name" }, t("ws_row_name", { n: index + 1 }))] : []),
      button("up", id, index, `${t("move_up")}: ${whose}`, index === 0),
      button("down", id, index, `${t("move_down")}: ${whose}`, index === count - 1),
      button("remove", id, index, `${t(table ? "remove_row" : "remove_item")}: ${whose}`, count <= fewestRows(field)),
    );
  });
  addPrintCopies(body);
}

const actionsOfItem = (item) => item.querySelector(":scope > .ws-item__actions") ?? item.appendChild(h("div", { class: "ws-item__actions" }));
