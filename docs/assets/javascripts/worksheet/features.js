// The optional parts of a worksheet page, each fetched only by a page whose spec has what it
// serves: formulas and conditions (worked.js), tables and groups (rows.js), values from other
// worksheets (linkedview.js), number checks (typed.js), dates that must follow others
// (dates.js). toolkit.js fetches them beside the page's main code (index.js), not after it, so
// that a page with them waits no longer than it did when every page fetched them all.

/** The fields `top` (a spec's own) with the columns of its tables and the members of its groups. */
function everyField(top) {
  return [...top, ...top.flatMap((field) => field.columns || Object.values(field.fields || {}))];
}

/** Which optional parts the page of `spec` needs, by name. Pure; runs under Node. */
export function featuresOf(spec) {
  const top = Object.values(spec.fields);
  const every = everyField(top);
  return {
    // A description's panel and the charts read the worked-out values too.
    worked: Boolean(
      spec.charts ||
      spec.exports ||
      (spec.sections || []).some((section) => section.condition) ||
      every.some((field) => field.formula || field.condition),
    ),
    rows: top.some((field) => field.type === "table" || field.type === "group"),
    links: every.some((field) => field.source || field.options_from_answers),
    numbers: every.some((field) => field.type === "number" || field.type === "money"),
    dates: top.some((field) => field.not_before),
  };
}

// Each import written out in full: the offline copy's script joiner (classic.py) reads them so.
const LOADERS = {
  worked: () => import("./worked.js"),
  rows: () => import("./rows.js"),
  links: () => import("./linkedview.js"),
  numbers: () => import("./typed.js"),
  dates: () => import("./dates.js"),
};

/** The worksheet's spec, read from the page, and the modules of the parts it needs: { spec, worked, rows, ... }. */
export async function loadFeatures(root) {
  const spec = JSON.parse(root.querySelector(".ws-spec").textContent);
  const wanted = featuresOf(spec);
  const names = Object.keys(LOADERS).filter((name) => wanted[name]);
  const modules = await Promise.all(names.map((name) => LOADERS[name]()));
  return { spec, ...Object.fromEntries(names.map((name, i) => [name, modules[i]])) };
}
