// The micro-credential description: what each element says once the links to other worksheets
// are resolved, and the completeness panel. Loaded on a worksheet whose spec has `exports`.
//
// A value another worksheet holds is shown by a linked field `<id>_from`; the reader's own answer
// in the field `<id>` overrides it. The panel is the information block `completeness`: its links
// to `#ws-<worksheet>-<id>` name the elements, in the page's language, and the order.

import { own } from "./rules.js";
import { given } from "./answers.js";
import { h, hidden } from "./form.js";

/** The element's value: the reader's answer, else a computed value, else the linked one. */
export function valueOf(inputs, id) {
  for (const value of [own(inputs.answers, id), own(inputs.values, id), own(inputs.linked, `${id}_from`)]) {
    if (given(value)) return value;
  }
  return null;
}

/** The field ids the panel's links point to, in their order. */
export function panelIds(hrefs, sheetId) {
  const prefix = `#ws-${sheetId}-`;
  return hrefs.filter((href) => href.startsWith(prefix)).map((href) => href.slice(prefix.length));
}

/** The ids of `ids` whose element has no value. */
export const missingOf = (inputs, ids) => ids.filter((id) => valueOf(inputs, id) == null);

/** The panel's links, each marked with its field's id (its href may then point elsewhere). */
function panelLinks(root, sheetId) {
  const links = [...root.querySelectorAll('[data-field="completeness"] a[href^="#"]')];
  for (const link of links.filter((a) => !a.dataset.wsElement)) {
    const [id] = panelIds([link.getAttribute("href")], sheetId);
    if (id) link.dataset.wsElement = id;
  }
  return links.filter((a) => a.dataset.wsElement);
}

/** The panel's elements as [id, name in the page's language]. */
export const elements = (root, spec) => panelLinks(root, spec.id).map((a) => [a.dataset.wsElement, a.textContent.trim()]);

/** A link to a radio or checkbox field goes to its first control (it has no id of its own). */
function target(root, spec, id) {
  const dom = `ws-${spec.id}-${id}`;
  if (root.ownerDocument.getElementById(dom)) return dom;
  return root.querySelector(`[data-field="${CSS.escape(id)}"] [id]`)?.id ?? dom;
}

/** Tick or mark missing every element of the panel, and show the downloads. */
export function showPanel(root, spec, inputs, t) {
  const links = panelLinks(root, spec.id);
  if (!links.length) return;
  const ids = links.map((a) => a.dataset.wsElement);
  let missing = 0;
  links.forEach((link, index) => {
    const done = valueOf(inputs, ids[index]) != null;
    missing += done ? 0 : 1;
    const item = link.closest("li");
    item.dataset.wsElement = done ? "done" : "missing";
    link.setAttribute("href", `#${target(root, spec, ids[index])}`);
    const mark = item.querySelector(".ws-element-mark") ?? item.insertBefore(h("span", { class: "ws-element-mark" }), link);
    mark.replaceChildren(
      h("span", { "aria-hidden": "true" }, done ? "✓ " : "✗ "),
      hidden(`${t(done ? "ws_credential_done" : "ws_credential_missing")}: `),
    );
  });
  const panel = root.querySelector('[data-field="completeness"]');
  const summary = panel.querySelector(".ws-element-summary") ?? panel.appendChild(h("p", { class: "ws-element-summary" }));
  summary.textContent = missing ? t("ws_credential_missing_count", { n: missing }) : t("ws_credential_complete");
  const downloads = root.querySelector("[data-ws-credential]");
  if (downloads) downloads.hidden = false;
  // A description shown below its button follows the answers as they change.
  if (root.querySelector("[data-ws-description]")?.hidden === false) {
    import("./credential-description.js").then((description) => description.refresh(root, spec, inputs, t));
  }
}
