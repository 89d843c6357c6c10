// A worksheet's status line and alert box. A status that tells of an action (and may offer its
// Undo) stays until her next edit; an alert that storage failed stays until a save succeeds, any
// other until her next edit.

import { showAlert, showStatus } from "./page.js";

/** "14:05": when the answers were last stored. */
function clockTime(date) {
  return `${date.getHours()}:${String(date.getMinutes()).padStart(2, "0")}`;
}

export function worksheetMessages(root, t) {
  let undo = null; // what the status line's Undo brings back
  let telling = false; // the status tells of an action
  let alerting = null; // "storage" or "note"
  const alarm = (text, storageFails = false) => {
    alerting = text ? (storageFails ? "storage" : "note") : null;
    showAlert(root, text, storageFails);
  };
  return {
    alarm,
    undo: () => undo,
    /** A plain status (ready, saved), not an action's. */
    show: (text) => (root.querySelector("[data-ws-status]").textContent = text),
    /** Tell of an action; `snapshot` is what its Undo brings back. */
    say(text, snapshot = null) {
      showStatus(root, text, snapshot);
      undo = snapshot;
      telling = true;
    },
    edited() {
      if (alerting === "note") alarm(null);
      if (!telling) return;
      telling = false;
      undo = null;
      root.querySelector('[data-ws-action="undo"]').hidden = true;
    },
    saved() {
      if (alerting === "storage") alarm(null);
      if (!telling) root.querySelector("[data-ws-status]").textContent = t("ws_status_saved");
      root.querySelector("[data-ws-saved-at]").textContent = t("ws_saved_at", { time: clockTime(new Date()) });
    },
  };
}
