// What the worksheet pages and the workbook page do alike: listeners a page removes all at once
// when it goes, its status line (with Undo) and alert box, and its buttons: a click on one runs
// its action by name, and "import" opens the file picker first. Also how long a worksheet's
// status and alert stay (worksheetMessages).

/** Listeners that `removeAll` (a page's destroy) takes away together. */
export function listenerSet() {
  const removers = [];
  return {
    listen(target, type, handler) {
      target.addEventListener(type, handler);
      removers.push(() => target.removeEventListener(type, handler));
    },
    removeAll: () => removers.splice(0).forEach((remove) => remove()),
  };
}

/** Set an element's text only when it changes: a live region would announce it again. */
export const setText = (el, text) => el.textContent !== text && (el.textContent = text);

/** The status line says `text`; its Undo button shows while there is something to undo. */
export function showStatus(root, text, offersUndo) {
  root.querySelector("[data-ws-status]").textContent = text;
  root.querySelector('[data-ws-action="undo"]').hidden = !offersUndo;
}

/** The alert box says `text`, or hides (null); `withButton` shows its button (a worksheet's "Export now"). */
export function showAlert(root, text, withButton = false) {
  const box = root.querySelector("[data-ws-alert]");
  box.hidden = !text;
  setText(box.querySelector("[data-ws-alert-text]"), text || "");
  const button = box.querySelector("button");
  if (button) button.hidden = !withButton;
}

// A worksheet's status line and alert box. A status that tells of an action (and may offer its
// Undo) stays until her next edit; an alert that storage failed stays until a save succeeds,
// any other until her next edit.

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

/**
 * Each click on a button matching `selector` runs `run(name, button)` with its data-ws-action.
 * "Import" opens the file picker instead, and `run("import-chosen")` follows once a file is
 * chosen. `near()` runs when a pointer or the focus comes near a button: the moment to fetch the
 * buttons' code, so that it is there by the click.
 */
export function listenToButtons(root, listen, { selector = "[data-ws-action]", run, near }) {
  const fileInput = root.querySelector("[data-ws-file]");
  const nearing = (event) => event.target.closest?.(selector) && near();
  listen(root, "pointerover", nearing);
  listen(root, "focusin", nearing);
  listen(root, "click", (event) => {
    const button = event.target.closest(selector);
    if (!button || button.disabled) return;
    if (button.dataset.wsAction !== "import") return run(button.dataset.wsAction, button);
    fileInput.value = ""; // at once: the click must still count as the user's
    fileInput.click();
  });
  listen(fileInput, "change", () => run("import-chosen"));
}
