// A search box above a long list of choices (the ISCED-F fields of education): typing a word or
// the digits of a code shows only the options that match, as a short list to choose from, and
// the number that match is announced. Without the script the list is a plain select.
// `fold` and `matching` are pure (testable under Node); `attach` is the page wiring.

import { h, hidden } from "./form.js";
import { useStylesheet } from "./stylesheet.js";

const LONG = 30; // options above which a list gets a search box
const ROWS = 8; // options a filtered list shows at once

/** Text as the search compares it: lower case, without accents ("Õ" finds "o" and "õ"). */
export const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/** The labels (by index) that hold every word of `query`; every label when it has none. */
export function matching(labels, query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return labels.flatMap((label, index) => (words.every((word) => fold(label).includes(word)) ? [index] : []));
}

/** Show only the options of `select` that match `query`; say how many in `status`. */
function filter(select, query, status, t) {
  const options = [...select.options].filter((option) => option.value);
  const shown = new Set(
    matching(
      options.map((option) => option.textContent),
      query,
    ),
  );
  options.forEach((option, index) => (option.hidden = !shown.has(index)));
  const searching = Boolean(query.trim());
  [...select.options].filter((option) => !option.value).forEach((option) => (option.hidden = searching));
  // While searching, the matches show as a list to choose from; then the list closes again.
  if (searching) select.size = Math.min(Math.max(shown.size, 2), ROWS);
  else select.removeAttribute("size");
  status.textContent = searching ? t("ws_filter_count", { n: shown.size, total: options.length }) : "";
}

function addSearch(select, t) {
  const id = `${select.id}-filter`;
  // The field's label, without its "(required)": two lists on a page get two search boxes.
  const name =
    select
      .closest(".ws-field")
      ?.querySelector(`label[for="${CSS.escape(select.id)}"]`)
      ?.firstChild?.textContent.trim() ?? "";
  const input = h("input", {
    type: "search",
    id,
    class: "ws-filter__input",
    autocomplete: "off",
    spellcheck: "false",
    "aria-controls": select.id,
    "aria-describedby": `${id}-count`,
  });
  const status = h("span", { class: "ws-filter__count", id: `${id}-count`, role: "status" });
  const label = h("label", { for: id }, t("ws_filter_label"), hidden(` — ${name}`));
  select.before(h("p", { class: "ws-filter", "data-search-exclude": "" }, label, input, status));
  input.addEventListener("input", () => filter(select, input.value, status, t));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && input.value.trim()) {
      event.preventDefault();
      select.focus();
    } else if (event.key === "Escape" && input.value) {
      event.preventDefault();
      input.value = "";
      filter(select, "", status, t);
    }
  });
}

/** A search box above every long list of choices in `form`, once its stylesheet applies. */
export async function attach(form, t) {
  await useStylesheet("filter");
  for (const select of form.querySelectorAll("select[name]")) {
    if (select.length > LONG && !select.previousElementSibling?.matches(".ws-filter")) addSearch(select, t);
  }
}
