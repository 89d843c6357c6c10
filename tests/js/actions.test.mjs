// The worksheet's buttons and its table of actions (actions.js) name the same actions, so that
// a new export is one entry there and one button in the template, and neither is forgotten.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { ACTIONS } from "../../docs/assets/javascripts/worksheet/actions.js";

const TEMPLATES = ["worksheet.html.j2", "credential.html.j2"];
// Opened by the page itself (the file picker must open within the click), then "import-chosen".
const PAGE_ACTIONS = ["import"];
// Run by other buttons than a data-ws-action's: a row's buttons and the chosen file.
const WITHOUT_BUTTON = ["row", "import-chosen"];

function buttonActions() {
  const names = new Set();
  for (const name of TEMPLATES) {
    const text = readFileSync(new URL(`../../src/mctoolkit/templates/${name}`, import.meta.url), "utf8");
    for (const [, action] of text.matchAll(/data-ws-action="([^"]+)"/g)) names.add(action);
  }
  return names;
}

test("every button of a worksheet's template names an action of the table", () => {
  const missing = [...buttonActions()].filter((name) => !PAGE_ACTIONS.includes(name) && !Object.hasOwn(ACTIONS, name));
  assert.deepEqual(missing, [], "buttons whose data-ws-action has no entry in actions.js's ACTIONS");
});

test("every action of the table has a button in a worksheet's template", () => {
  const buttons = buttonActions();
  const unused = Object.keys(ACTIONS).filter((name) => !WITHOUT_BUTTON.includes(name) && !buttons.has(name));
  assert.deepEqual(unused, [], "entries of actions.js's ACTIONS that no template's data-ws-action names");
});

test("every action runs something", () => {
  for (const [name, action] of Object.entries(ACTIONS)) assert.equal(typeof action.run, "function", name);
});
