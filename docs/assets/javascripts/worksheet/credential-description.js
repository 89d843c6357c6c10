// The micro-credential description for people: one A4 page to print, and the same content as a
// Word file (the build's description template, filled by docx.js). Loaded only when its button
// is pressed. `describeForPeople` is pure (testable under Node); the rest is the page wiring.
//
// Every element that has a value is shown, coded values by their labels in the page's language;
// a mandatory element without a value (one the completeness panel names) is shown as missing.

import { own } from "./rules.js";
import { elements, valueOf } from "./credential.js";
import { h } from "./form.js";
import { useStylesheet } from "./stylesheet.js";

// The elements in the order the page shows them. An element the completeness panel names is
// called by the panel's name; the others by `ws_description_<id>`. The language the description
// is written in shows only when it is missing: the page says it by being in it.
export const ORDER = [
  "summary",
  "awarding_body",
  "country",
  "homepage",
  "course_code",
  "learner_identification",
  "issuing",
  "outcomes",
  "occupational_standard",
  "hours",
  "eqf_level",
  "isced_field",
  "languages",
  "participation_form",
  "text_language",
  "learning_setting",
  "target_group",
  "prerequisites",
  "assessment_types",
  "criteria",
  "supervision",
  "grading",
  "quality_assurance",
  "stackability",
  "further_information",
];

const QUIET = ["text_language"];

const text = (value) => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");

/** A number in the page's style: `marks` is [decimal mark, thousands separator]. */
export function figure(value, [point, thousands] = [".", ","]) {
  const [whole, part] = String(Math.round(value * 10) / 10).split(".");
  return whole.replace(/\B(?=(\d{3})+$)/g, thousands) + (part ? point + part : "");
}

/**
 * The description in the page's language: `{ title, otherTitle, rows: [{ id, label, text | items,
 * missing }] }`. `inputs` are the answers, computed and linked values; `names` maps the panel's
 * element ids to their names; `labels` maps a choice field's id to its options' labels; `t` says
 * an interface text.
 */
export function describeForPeople(spec, inputs, names, labels, t) {
  const value = (id) => valueOf(inputs, id);
  const linkedLabels = (id) => spec.fields[`${id}_from`]?.source?.shows?.labels;
  const label = (id, option) => own(own(labels, id), option) ?? own(linkedLabels(id), option) ?? text(option);
  const chosen = (id) =>
    []
      .concat(value(id) ?? [])
      .map((option) => label(id, String(option)))
      .filter(Boolean)
      .join(", ");
  const marks = [...t("ws_number_marks")];
  const computed = (id) => own(inputs.values, id);
  const say = {
    outcomes: () =>
      Array.isArray(value("outcomes"))
        ? value("outcomes")
            .map((row) => text(own(row, "outcome")))
            .filter(Boolean)
        : [],
    hours: () => {
      const hours = computed("workload_hours");
      if (!(hours > 0)) return "";
      return t("ws_description_workload", {
        hours: figure(hours, marks),
        ects: figure(computed("ects") ?? 0, marks),
        ekap: figure(computed("ekap") ?? 0, marks),
      });
    },
    stackability: () => [chosen("stackability"), text(value("stacks_into"))].filter(Boolean).join(": "),
  };
  const rows = [];
  for (const id of ORDER) {
    const field = spec.fields[id] ?? spec.fields[`${id}_from`] ?? {};
    const shown = say[id] ? say[id]() : field.options || field.source?.shows?.labels ? chosen(id) : text(value(id));
    const name = own(names, id) ?? t(`ws_description_${id}`);
    const missing = own(names, id) != null && valueOf(inputs, id) == null;
    if ((Array.isArray(shown) ? shown.length : shown) && !QUIET.includes(id))
      rows.push({ id, label: name, [Array.isArray(shown) ? "items" : "text"]: shown, missing: false });
    else if (missing) rows.push({ id, label: name, text: t("ws_description_missing"), missing: true });
  }
  const title = text(value("title"));
  const otherTitle = text(own(inputs.answers, "title_other"));
  return { title: title || t("ws_description_untitled"), titleMissing: !title, otherTitle, rows };
}

/** The description as the values of the Word template's answer places (tags `title`, `rows.*`). */
export function wordValues(description) {
  return {
    title: description.title,
    other_title: description.otherTitle,
    // A list is a row per item, its name on the first: each item a paragraph of its own.
    rows: description.rows.flatMap((row) =>
      row.items
        ? row.items.map((item, index) => ({ label: index ? "" : row.label, value: `${index + 1}. ${item}` }))
        : [{ label: row.label, value: row.text }],
    ),
  };
}

/** The answer places of the description template, as docx.js's `fill` reads a worksheet's fields. */
export const WORD_FIELDS = { title: {}, other_title: {}, rows: { columns: [{ id: "label" }, { id: "value" }] } };

// ----- Page wiring --------------------------------------------------------------------------

/** The labels of every choice field's options, as the page shows them. */
function optionLabels(root) {
  const labels = {};
  for (const option of root.querySelectorAll("select[name] option[value]:not([value=''])")) {
    (labels[option.closest("select").name] ||= {})[option.value] = option.textContent.trim();
  }
  for (const input of root.querySelectorAll("input[type=radio][name], input[type=checkbox][name]")) {
    (labels[input.name] ||= {})[input.value] = input.closest("label")?.textContent.trim() ?? input.value;
  }
  return labels;
}

/** The description as HTML: a heading, the other language's title, and a list of terms. */
export function render(description, language, otherLanguage) {
  const value = (row) => (row.items ? h("ol", {}, ...row.items.map((item) => h("li", {}, item))) : row.text);
  const terms = description.rows.flatMap((row) => [
    h("dt", {}, row.label),
    h("dd", row.missing ? { class: "ws-description__missing" } : {}, row.missing ? h("span", { "aria-hidden": "true" }, "✗ ") : "", value(row)),
  ]);
  return [
    h("h3", { class: `ws-description__title${description.titleMissing ? " ws-description__missing" : ""}`, lang: language }, description.title),
    ...(description.otherTitle ? [h("p", { class: "ws-description__other", lang: otherLanguage || undefined }, description.otherTitle)] : []),
    h("dl", { class: "ws-description__list" }, ...terms),
  ];
}

/** Show (or hide) the description below its button, once its stylesheet applies; while shown, printing prints only it. */
export async function toggle(w, show) {
  const button = w.root.querySelector('[data-ws-action="description-show"]');
  const view = w.root.querySelector("[data-ws-description]");
  const open = show ?? button.getAttribute("aria-expanded") !== "true";
  if (open) await useStylesheet("description");
  if (open) refresh(w.root, w.spec, w.current(), w.t);
  view.hidden = !open;
  button.setAttribute("aria-expanded", String(open));
  if (open) document.documentElement.dataset.wsPrint = "description";
  else delete document.documentElement.dataset.wsPrint;
}

/** Write the description afresh into its place (the answers have changed, or it opens). */
export function refresh(root, spec, inputs, t) {
  const description = describeForPeople(spec, inputs, Object.fromEntries(elements(root, spec)), optionLabels(root), t);
  const other = valueOf(inputs, "other_language");
  root.querySelector("[data-ws-description-body]").replaceChildren(...render(description, spec.language, typeof other === "string" ? other : ""));
  return description;
}

/** The description as a Word file: its template from the build, filled by docx.js. */
export async function downloadWord(w) {
  const word = await import("./docx.js");
  const description = refresh(w.root, w.spec, w.current(), w.t);
  const link = w.root.querySelector("[data-ws-description-template]");
  const day = new Date().toISOString().slice(0, 10);
  const name = `${w.spec.id}-description-${w.spec.language}-${day}.docx`;
  await word.downloadFilled(link, WORD_FIELDS, wordValues(description), (value) => String(value), w.spec.language, name);
}
