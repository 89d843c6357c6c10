// The search among a long list's choices (filter.js) under Node: which labels match a query.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fold, matching } from "../../docs/assets/javascripts/worksheet/filter.js";

const FIELDS = ["0414 Turundus ja reklaam", "0721 Toiduainete töötlemine", "1012 Juuksuri- ja iluteenused", "1013 Hotels, restaurants and catering"];

test("a search ignores case and accents", () => {
  assert.equal(fold("Õppevaldkond ÄÖÜ š"), "oppevaldkond aou s");
  assert.deepEqual(matching(FIELDS, "TÖÖTLEMINE"), [1]);
  assert.deepEqual(matching(FIELDS, "tootlemine"), [1]);
});

test("every word of the query must be in the label, in any order; digits find a code", () => {
  assert.deepEqual(matching(FIELDS, "juuks"), [2]);
  assert.deepEqual(matching(FIELDS, "catering hotels"), [3]);
  assert.deepEqual(matching(FIELDS, "10"), [2, 3]);
  assert.deepEqual(matching(FIELDS, "hotels juuksuri"), []);
});

test("an empty query matches every label", () => {
  assert.deepEqual(matching(FIELDS, "  "), [0, 1, 2, 3]);
});
