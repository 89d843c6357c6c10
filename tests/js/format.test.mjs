// A value as the pages and the Word downloads say it (format.js), under Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeValue } from "../../docs/assets/javascripts/worksheet/format.js";

const ENGLISH = [".", ","];
const ESTONIAN = [",", "\u00a0"];

test("money keeps its cents and says its currency only when asked", () => {
  assert.equal(describeValue(2100, { format: "money", currency: "EUR" }, true, ESTONIAN), "2\u00a0100,00 EUR");
  assert.equal(describeValue(2100, { format: "money", currency: "EUR" }, false, ENGLISH), "2,100.00");
  assert.equal(describeValue(-170, { format: "money", currency: "EUR" }, true, ENGLISH), "\u2212170.00 EUR");
});

test("a number shows the decimals it has, up to two, in the language's style", () => {
  assert.equal(describeValue(24.5, {}, false, ESTONIAN), "24,5");
  assert.equal(describeValue(0.9, { decimals: 1 }, false, ENGLISH), "0.9");
  assert.equal(describeValue(16, { format: "integer" }, false, ENGLISH), "16");
  assert.equal(describeValue(12.5, { format: "percent", decimals: 1 }, false, ESTONIAN), "12,5%");
});

test("an option shows its label, a list its items, and nothing shows as nothing", () => {
  assert.equal(describeValue("eqf4", { labels: { eqf4: "EKR 4" } }, false, ESTONIAN), "EKR 4");
  assert.equal(describeValue(["a", "b"], { labels: { a: "Üks", b: "Kaks" } }, false, ESTONIAN), "Üks, Kaks");
  assert.equal(describeValue("__proto__", { labels: {} }, false, ENGLISH), "__proto__");
  for (const empty of [null, undefined, "", []]) assert.equal(describeValue(empty, {}, false, ENGLISH), null);
});
