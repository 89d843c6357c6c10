// The charts a worksheet declares (chart.js), under Node: their data from a worksheet's values,
// the geometry of the drawing, the empty state and the text equivalent in each language.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  breakEvenData,
  breakEvenDrawing,
  breakEvenText,
  chartOf,
  lineAt,
  niceTicks,
  scale,
  scoresData,
  scoresDrawing,
  scoresText,
  tableSizes,
} from "../../docs/assets/javascripts/worksheet/chart.js";

const WORDS = {
  ws_chart_overall: "Overall {score}",
  ws_chart_not_rated: "not rated yet",
  ws_chart_dimension: "Dimension",
  ws_chart_score: "Score ({min}–{max})",
  ws_chart_scores_summary: "Overall {score} on a scale from {min} to {max}. Weakest: {weakest}.",
  ws_chart_learners: "Learners",
  ws_chart_cost: "Total cost",
  ws_chart_income: "Total income",
  ws_chart_difference: "Surplus or gap",
  ws_chart_break_even: "Break-even: {n}",
  ws_chart_group: "Planned: {n}",
  ws_chart_break_even_summary: "Break-even at {n} learners; the planned group is {group} learners.",
  ws_chart_no_break_even_summary: "No break-even. The planned group is {group} learners.",
};
const t = (key, values = {}) => (WORDS[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
const ENGLISH = { t, marks: [".", ","] };
const ESTONIAN = { t, marks: [",", "\u00a0"] };

// As render.chart_spec writes them for the three worksheets.
const READINESS = {
  id: "readiness_chart",
  type: "scores",
  reads: { bars: ["score_governance", "score_finance"], overall: "score_overall" },
  labels: { score_governance: "Governance", score_finance: "Finance", score_overall: "Overall" },
  min: 1,
  max: 4,
};
const COSTS = {
  id: "break_even_chart",
  type: "break_even",
  reads: {
    fixed_cost: "total_fixed",
    cost_per_learner: "variable_per_learner",
    income_per_learner: "fee",
    group: "learners",
    break_even: "break_even",
  },
  labels: {},
  currency: "EUR",
};
const REVENUE = {
  ...COSTS,
  reads: {
    fixed_cost: "cost_fixed",
    cost_per_learner: "cost_variable_per_learner",
    fixed_income: "total_fixed_income",
    income_per_learner: "income_per_learner",
    group: "learners",
    break_even: "break_even_learners",
  },
};
// The worked example's cost structure: 3 500 fixed, 50 per learner, fee 270, 20 learners.
const EXAMPLE = { total_fixed: 3500, variable_per_learner: 50, fee: 270, learners: 20, break_even: 16 };

/** Every element of an SVG tree with `attribute`, depth first. */
function withAttribute(node, attribute) {
  if (typeof node === "string") return [];
  const own = Object.hasOwn(node.attrs, attribute) ? [node] : [];
  return own.concat(node.children.flatMap((child) => withAttribute(child, attribute)));
}
const texts = (node) => (typeof node === "string" ? [node] : node.children.flatMap(texts));

test("an axis steps in round numbers up to at least its top", () => {
  assert.deepEqual(niceTicks(40, 8, true), [0, 5, 10, 15, 20, 25, 30, 35, 40]);
  assert.deepEqual(niceTicks(12500, 5), [0, 2500, 5000, 7500, 10000, 12500]);
  assert.deepEqual(niceTicks(3, 8, true), [0, 1, 2, 3]);
  assert.ok(niceTicks(10801, 5).at(-1) >= 10801);
  assert.deepEqual(niceTicks(0), [0, 1]);
});

test("a scale places the ends of its range on the ends of the drawing", () => {
  const x = scale([1, 4], [10, 310]);
  assert.equal(x(1), 10);
  assert.equal(x(4), 310);
  assert.equal(x(2.5), 160);
});

test("scores below the scale's lowest point are not rated, and no rated score leaves the chart empty", () => {
  const data = scoresData(READINESS, { score_governance: 3.3, score_finance: 0, score_overall: 3.3 });
  assert.deepEqual(
    data.bars.map((bar) => bar.value),
    [3.3, null],
  );
  assert.equal(data.empty, false);
  assert.equal(scoresData(READINESS, { score_governance: 0, score_finance: 0, score_overall: 0 }).empty, true);
  assert.deepEqual(chartOf(READINESS, {}, 600, ENGLISH), { empty: true });
});

test("each bar reaches its score on the scale and the overall score is a line across them", () => {
  const data = scoresData(READINESS, { score_governance: 4, score_finance: 2.5, score_overall: 3.3 });
  const svg = scoresDrawing(data, 601, ENGLISH);
  const [governance, finance] = withAttribute(svg, "data-bar");
  assert.equal(governance.attrs.width, 599); // the whole track: 4 of 4
  assert.equal(finance.attrs.width, 299.5); // half of it: 2.5 is halfway from 1 to 4
  const [overall] = withAttribute(svg, "data-overall");
  assert.equal(overall.attrs.x1, 460.23); // 1 + (3.3 − 1) ÷ 3 × 599
  assert.ok(texts(svg).includes("Overall 3.3"));
});

test("the scores' text equivalent names every dimension with its score, the overall and the weakest", () => {
  const data = scoresData(READINESS, { score_governance: 3.3, score_finance: 0, score_overall: 3.3 });
  const { head, rows, summary } = scoresText(data, ESTONIAN);
  assert.deepEqual(head, ["Dimension", "Score (1–4)"]);
  assert.deepEqual(rows, [
    ["Governance", "3,3"],
    ["Finance", "not rated yet"],
    ["Overall", "3,3"],
  ]);
  assert.equal(summary, "Overall 3,3 on a scale from 1 to 4. Weakest: Governance 3,3.");
});

test("the break-even chart waits for the costs, the fee and the group", () => {
  assert.equal(breakEvenData(COSTS, { ...EXAMPLE, fee: null }).empty, true);
  assert.equal(breakEvenData(COSTS, { ...EXAMPLE, learners: undefined }).empty, true);
  const withoutFixedIncome = { cost_fixed: 3500, cost_variable_per_learner: 50, income_per_learner: 175, learners: 20 };
  assert.equal(breakEvenData(REVENUE, withoutFixedIncome).empty, true);
  assert.equal(breakEvenData(COSTS, EXAMPLE).empty, false);
});

test("cost and income are their fixed parts plus their parts per learner, up to twice the group", () => {
  const data = breakEvenData(COSTS, EXAMPLE);
  assert.equal(lineAt(data.cost, 20), 4500);
  assert.equal(lineAt(data.income, 20), 5400);
  assert.equal(data.end, 40);
  const late = breakEvenData(COSTS, { ...EXAMPLE, fee: 60, break_even: 350 });
  assert.equal(late.end, 438); // the break-even beyond twice the group stays on the chart
});

test("the break-even is the worksheet's own figure, marked on the cost line, the planned group beside it", () => {
  const data = breakEvenData(COSTS, EXAMPLE);
  const svg = breakEvenDrawing(data, 800, ENGLISH);
  const [point] = withAttribute(svg, "data-break-even");
  const [cost] = withAttribute(svg, "data-line").filter((line) => line.attrs["data-line"] === "cost");
  const along = (point.attrs.cx - cost.attrs.x1) / (cost.attrs.x2 - cost.attrs.x1);
  assert.equal(Math.round(along * 40), 16); // 16 of the axis's 40 learners
  const height = (cost.attrs.y1 - point.attrs.cy) / (cost.attrs.y1 - cost.attrs.y2);
  assert.ok(Math.abs(height - (lineAt(data.cost, 16) - 3500) / (lineAt(data.cost, 40) - 3500)) < 0.01);
  assert.deepEqual(
    withAttribute(svg, "data-mark").map((mark) => mark.attrs["data-mark"]),
    [16, 20],
  );
  assert.ok(texts(svg).includes("Break-even: 16") && texts(svg).includes("Planned: 20"));
});

test("without a break-even only the planned group is marked", () => {
  const svg = breakEvenDrawing(breakEvenData(COSTS, { ...EXAMPLE, fee: 40, break_even: null }), 390, ENGLISH);
  assert.deepEqual(withAttribute(svg, "data-break-even"), []);
  assert.deepEqual(
    withAttribute(svg, "data-mark").map((mark) => mark.attrs["data-mark"]),
    [20],
  );
});

test("the break-even table lists a handful of groups with cost, income and their difference in the page's numbers", () => {
  const values = {
    cost_fixed: 3500,
    cost_variable_per_learner: 50,
    total_fixed_income: 1200,
    income_per_learner: 175,
    learners: 20,
    break_even_learners: 19,
  };
  const data = breakEvenData(REVENUE, values);
  assert.deepEqual(tableSizes(data), [1, 18, 19, 20, 40]);
  const { rows, summary } = breakEvenText(data, { ...ESTONIAN, currency: "EUR" });
  assert.deepEqual(rows[1], ["18", "4\u00a0400,00 EUR", "4\u00a0350,00 EUR", "\u221250,00 EUR"]);
  assert.deepEqual(rows[2], ["19", "4\u00a0450,00 EUR", "4\u00a0525,00 EUR", "75,00 EUR"]);
  assert.equal(summary, "Break-even at 19 learners; the planned group is 20 learners.");
  const none = breakEvenText(breakEvenData(COSTS, { ...EXAMPLE, fee: 40, break_even: null }), ENGLISH);
  assert.equal(none.summary, "No break-even. The planned group is 20 learners.");
});
