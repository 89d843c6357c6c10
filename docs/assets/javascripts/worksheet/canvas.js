// The canvas page brought to life: each block's state and key answers, read from the answers
// stored in this browser and updated when another tab saves. Loaded on that page only.

import { progress } from "./answers.js";
import { isMap, own } from "./rules.js";
import { courseName, openStore } from "./store.js";
import { h, texts } from "./form.js";
import { describeValue } from "./format.js";

const LONGEST = 180; // characters of a long answer shown in a block; the worksheet has the rest

const present = (value) => value != null && value !== "" && !(Array.isArray(value) && !value.length);

const shorten = (text) => (text.length > LONGEST ? `${text.slice(0, LONGEST - 1).trimEnd()}…` : text);

/** One value as a block shows it: an option's label, a formatted number, a shortened text. */
export function showValue(value, item, marks) {
  if (!present(value)) return null;
  if (Array.isArray(value))
    return shorten(
      value
        .map((one) => showValue(one, item, marks))
        .filter(present)
        .join(", "),
    );
  return typeof value === "number" || own(item.labels || {}, String(value)) != null
    ? describeValue(value, item, true, marks)
    : shorten(String(value));
}

/** A block's state, as the workbook page counts it: answers kept from an earlier version count
 * as started. */
export function stateOf(block, record) {
  const { state } = progress(block.questions, isMap(record?.answers) ? record.answers : {});
  const kept = isMap(record?.earlier) && Object.keys(record.earlier).length > 0;
  return state === "empty" && kept ? "started" : state;
}

/** The key answers of a block: [label, text] for each summary item that has a value. */
export function summarise(block, record, marks) {
  const answers = isMap(record?.answers) ? record.answers : {};
  const computed = isMap(record?.computed) ? record.computed : {};
  const lines = [];
  for (const item of block.summary) {
    let value = own(answers, item.id) ?? own(computed, item.id);
    if (item.column) value = Array.isArray(value) ? value.filter(isMap).map((row) => own(row, item.column)) : null;
    const text = showValue(value, item, marks);
    if (present(text)) lines.push([item.label, text]);
  }
  return lines;
}

export function mount(root) {
  const spec = JSON.parse(root.querySelector(".ws-canvas-spec").textContent);
  const t = texts(root);
  const marks = [...t("ws_number_marks")];
  const store = openStore();
  const words = { empty: "workbook_not_started", started: "workbook_started", complete: "workbook_complete" };

  function show() {
    root.querySelector("[data-ws-canvas-course]").textContent = courseName();
    for (const block of spec.blocks) {
      const holder = root.querySelector(`[data-ws-block="${CSS.escape(block.id)}"]`);
      if (!holder) continue;
      const record = store.read(block.id);
      const state = stateOf(block, record);
      const lines = summarise(block, record, marks);
      const badge = holder.querySelector("[data-ws-block-state]");
      badge.dataset.wsState = state;
      badge.textContent = t(words[state]);
      holder.dataset.wsState = state;
      const list = holder.querySelector("[data-ws-block-summary]");
      list.replaceChildren(...lines.flatMap(([label, text]) => [h("dt", {}, label), h("dd", {}, text)]));
      list.hidden = !lines.length;
      holder.querySelector("[data-ws-block-prompt]").hidden = lines.length > 0;
    }
  }

  const listeners = [];
  const listen = (target, type, handler) => {
    target.addEventListener(type, handler);
    listeners.push(() => target.removeEventListener(type, handler));
  };
  listen(root, "click", (event) => event.target.closest('[data-ws-action="print"]') && window.print());
  listen(window, "pageshow", show);
  listen(document, "visibilitychange", () => document.visibilityState === "visible" && show());
  const unwatch = store.watch(show);

  show();
  root.querySelector("[data-ws-toolbar]").hidden = false;
  root.classList.add("ws-canvas--live");

  return {
    destroy() {
      listeners.forEach((remove) => remove());
      unwatch();
    },
  };
}
