// Dates that contradict each other (a course ending before it starts): a date field with
// `not_before` is warned of when it comes before the date it follows, and still kept. Fetched
// only by a page that has such a field (features.js).

import { own } from "./rules.js";
import { controls, labelOf } from "./form.js";

/** `extras()`: extras.js, loaded (it shows a warning beside its field). */
export function createDateWarnings({ form, spec, t, state, extras }) {
  const datesInOrder = Object.entries(spec.fields).filter(([, field]) => field.not_before);
  const warned = new Set(); // the date fields warned of

  /** Warn of each date out of order, and take back the warnings of those put right. */
  function warn() {
    for (const [fid, { not_before: other }] of datesInOrder) {
      const [date, earliest] = [own(state.answers, fid), own(state.answers, other)];
      const wrong = typeof date === "string" && typeof earliest === "string" && date < earliest;
      if (!wrong && !warned.has(fid)) continue;
      wrong ? warned.add(fid) : warned.delete(fid);
      const el = controls(form, fid)[0];
      extras().then((x) =>
        x.showProblem(el, wrong && t("ws_warning_date_order", { field: t("ws_quoted", { text: labelOf(form, other) }) }), "warning"),
      );
    }
  }

  return { warn };
}
