// What another tab or window stored, heard: this worksheet's answers merged with the edits not
// yet stored here (and she told where both changed one), or the values of another worksheet this
// one shows read again. Fetched with the first storage event for this workbook; most pages never
// hear one. The merge itself (state.hear) stays with the answers: the saver needs it at once.

import { same, trust } from "./answers.js";
import { labelOf } from "./form.js";

/** `worksheet`: what index.js lends of the page (its state, view, messages and saver). */
export function createOtherTabs({ form, spec, t, store, state, links, show, update, schedule, say, alarm, announceChange, computed, unpacked }) {
  /** What merging another tab's record changed (`clashes`, as state.hear gives them), shown and told. */
  function tell(clashes) {
    if (!clashes) return;
    show();
    say(t("ws_other_tab"));
    announceChange("other-tab");
    if (clashes.length) {
      alarm(t("ws_other_tab_kept", { fields: clashes.map((c) => labelOf(form, c)).join(", ") }));
    }
  }

  /** Another tab's answers, merged with this tab's unsaved edits. */
  function heard(record, theirs = record && trust(record, spec.fields)) {
    if (!record) {
      // Storage was cleared: store again.
      if (!state.isEmpty()) schedule();
      return;
    }
    tell(state.hear(record, theirs));
  }

  /**
   * Storage told of a change: this worksheet's record, another's it shows values of, or all
   * (null). The record is read as it is stored now, not as the event brought it: this module may
   * arrive after this tab has saved again, and an older record heard then would undo that save.
   */
  function storageChanged(sheet, stored) {
    if (sheet === spec.id || sheet === null) {
      const record = store.read(spec.id);
      if (record && record.version !== spec.version) unpacked(record).then((theirs) => heard(record, theirs));
      else heard(record);
    }
    if (sheet === null || links.sources.has(sheet)) {
      links.read();
      update();
      if (!same(computed(), state.synced.computed) && (stored || Object.keys(state.answers).length)) schedule();
    }
  }

  return { tell, storageChanged };
}
