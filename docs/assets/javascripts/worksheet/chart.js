// Charts a worksheet declares (`charts:` in its YAML), drawn from its live values: a bar per
// score on its scale, or total cost and total income against the number of learners. The
// functions up to showCharts are pure (values in, an SVG element tree and a table out) and run
// under Node; showCharts alone touches the page. Loaded only on pages that have a chart.

import { formatNumber } from "./format.js";
import { useStylesheet } from "./stylesheet.js";

const SVG = "http://www.w3.org/2000/svg";
const FONT = 14; // the drawing is built at the width it has, so this is its text's size in px
const CHAR = FONT * 0.58; // about the width of a character, to keep labels apart

/** An SVG element as plain data: {tag, attrs, children}; a child is an element or a text. */
export const svgNode = (tag, attrs = {}, ...children) => ({ tag, attrs, children });

const isNumber = (value) => typeof value === "number" && Number.isFinite(value);
const round = (value) => Math.round(value * 100) / 100;

/** Round steps from 0 to at least `top`, about `count` of them; whole steps when `whole`. */
export function niceTicks(top, count = 5, whole = false) {
  if (!(top > 0)) return [0, 1];
  const rough = top / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 2.5, 5, 10].map((times) => times * power).find((size) => size >= rough);
  if (whole) step = Math.max(1, Math.ceil(step));
  const steps = Math.ceil(top / step - 1e-9);
  return Array.from({ length: steps + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

/** The function that places `value` of [from, to] on [start, end] of the drawing. */
export const scale =
  ([from, to], [start, end]) =>
  (value) =>
    start + ((value - from) / (to - from)) * (end - start);

/** A label's x and anchor: centred on `x`, or kept inside [left, right] when it would stick out. */
function placeLabel(text, x, left, right) {
  const half = (text.length * CHAR) / 2;
  if (x - half < left) return { x: left, "text-anchor": "start" };
  if (x + half > right) return { x: right, "text-anchor": "end" };
  return { x, "text-anchor": "middle" };
}

const text = (attrs, words) => svgNode("text", { "font-size": FONT, fill: "currentColor", ...attrs }, words);
const line = (x1, y1, x2, y2, attrs = {}) =>
  svgNode("line", { x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), stroke: "currentColor", ...attrs });

// The readiness chart: one bar per dimension, its score written beside its name.

/** The scores a chart shows: a score below the scale's lowest point is not rated yet. */
export function scoresData(chart, values) {
  const rated = (id) => (isNumber(values[id]) && values[id] >= chart.min ? values[id] : null);
  const bars = chart.reads.bars.map((id) => ({ id, label: chart.labels[id], value: rated(id) }));
  const overall = { label: chart.labels[chart.reads.overall], value: rated(chart.reads.overall) };
  return { min: chart.min, max: chart.max, bars, overall, empty: bars.every((bar) => bar.value == null) };
}

const ROW = { label: 20, bar: 16, gap: 14 };

/** The bars as an SVG tree `width` wide: names and scores as text, the overall score a dashed line. */
export function scoresDrawing(data, width, { t, marks }) {
  const score = (value) => formatNumber(value, 1, 1, marks);
  const top = 28;
  const rowHeight = ROW.label + ROW.bar + ROW.gap;
  const bottom = top + data.bars.length * rowHeight;
  const height = bottom + 26;
  const left = 1;
  const right = width - 1;
  const x = scale([data.min, data.max], [left, right]);
  const parts = [];
  for (let point = data.min; point <= data.max; point++) {
    parts.push(line(x(point), top, x(point), bottom - ROW.gap, { "stroke-opacity": 0.35, "stroke-dasharray": "2 3" }));
    parts.push(text({ ...placeLabel(String(point), x(point), 0, width), y: bottom + 8 }, formatNumber(point, 0, 0, marks)));
  }
  data.bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    parts.push(text({ x: left, y: y + 14 }, bar.label));
    parts.push(
      text({ x: right, y: y + 14, "text-anchor": "end", "font-weight": "bold" }, bar.value == null ? t("ws_chart_not_rated") : score(bar.value)),
    );
    const barTop = y + ROW.label;
    parts.push(
      svgNode("rect", {
        x: left,
        y: barTop,
        width: round(right - left),
        height: ROW.bar,
        fill: "none",
        stroke: "currentColor",
        "stroke-opacity": 0.6,
      }),
    );
    if (bar.value != null) {
      const length = Math.max(x(bar.value) - left, 3);
      parts.push(
        svgNode("rect", { x: left, y: barTop, width: round(length), height: ROW.bar, fill: "currentColor", "fill-opacity": 0.7, "data-bar": bar.id }),
      );
    }
  });
  if (data.overall.value != null) {
    const at = x(data.overall.value);
    const words = t("ws_chart_overall", { score: score(data.overall.value) });
    parts.push(line(at, top - 6, at, bottom - ROW.gap + 4, { "stroke-width": 2.5, "stroke-dasharray": "7 4", "data-overall": data.overall.value }));
    parts.push(text({ ...placeLabel(words, at, 0, width), y: 16, "font-weight": "bold" }, words));
  }
  return svgNode("svg", { xmlns: SVG, viewBox: `0 0 ${width} ${height}`, width, height, focusable: "false" }, ...parts);
}

/** The scores as a table and a sentence, for screen readers, print and anyone who prefers text. */
export function scoresText(data, { t, marks }) {
  const score = (value) => (value == null ? t("ws_chart_not_rated") : formatNumber(value, 1, 1, marks));
  const ends = { min: formatNumber(data.min, 0, 0, marks), max: formatNumber(data.max, 0, 0, marks) };
  const rated = data.bars.filter((bar) => bar.value != null);
  const lowest = Math.min(...rated.map((bar) => bar.value));
  const weakest = rated.filter((bar) => bar.value === lowest).map((bar) => `${bar.label} ${score(bar.value)}`);
  return {
    head: [t("ws_chart_dimension"), t("ws_chart_score", ends)],
    rows: [...data.bars.map((bar) => [bar.label, score(bar.value)]), [data.overall.label, score(data.overall.value)]],
    summary: t("ws_chart_scores_summary", { score: score(data.overall.value), ...ends, weakest: weakest.join(", ") }),
  };
}

// The break-even chart: total cost and total income as straight lines from their fixed parts.

/** The two lines, the planned group and the worksheet's own break-even; empty until all are known. */
export function breakEvenData(chart, values) {
  const value = (key) => (chart.reads[key] ? values[chart.reads[key]] : undefined);
  const fixedIncome = chart.reads.fixed_income ? value("fixed_income") : 0;
  const known = [value("fixed_cost"), value("cost_per_learner"), value("income_per_learner"), value("group"), fixedIncome];
  if (!known.every(isNumber) || !(value("group") >= 1)) return { empty: true };
  const group = value("group");
  const breakEven = isNumber(value("break_even")) ? value("break_even") : null;
  return {
    empty: false,
    cost: { fixed: value("fixed_cost"), each: value("cost_per_learner") },
    income: { fixed: fixedIncome, each: value("income_per_learner") },
    group,
    breakEven,
    end: Math.max(2 * group, breakEven == null ? 0 : Math.ceil(breakEven * 1.25)),
  };
}

/** A line's value for `learners`: its fixed part plus its part per learner. */
export const lineAt = ({ fixed, each }, learners) => fixed + each * learners;

/** The group sizes the table lists: one learner, the last loss and the break-even, the planned group, the chart's end. */
export function tableSizes(data) {
  const sizes = [1, data.group, data.end];
  if (data.breakEven != null) sizes.push(data.breakEven - 1, data.breakEven);
  return [...new Set(sizes)].filter((size) => size >= 1 && size <= data.end).sort((a, b) => a - b);
}

/** Cost and income as an SVG tree `width` wide: the lines named at their ends, the break-even and the planned group marked. */
export function breakEvenDrawing(data, width, { t, marks, currency = "" }) {
  const money = (value) => formatNumber(value, 0, 0, marks);
  const xTicks = niceTicks(data.end, width < 500 ? 4 : 8, true);
  const highest = Math.max(...[0, xTicks.at(-1)].flatMap((n) => [lineAt(data.cost, n), lineAt(data.income, n)]));
  const yTicks = niceTicks(highest, 5);
  const left = Math.max(...yTicks.map((tick) => money(tick).length), currency.length) * CHAR + 12;
  const [top, right, height] = [52, width - 8, Math.round(Math.min(380, Math.max(300, width * 0.45)))];
  const bottom = height - 44;
  const x = scale([0, xTicks.at(-1)], [left, right]);
  const y = scale([0, yTicks.at(-1)], [bottom, top]);
  const parts = [text({ x: 0, y: top - 12 }, currency)];
  for (const tick of yTicks) {
    parts.push(line(left, y(tick), right, y(tick), { "stroke-opacity": tick ? 0.25 : 1 }));
    parts.push(text({ x: left - 6, y: round(y(tick) + 5), "text-anchor": "end" }, money(tick)));
  }
  for (const tick of xTicks) {
    parts.push(line(x(tick), bottom, x(tick), bottom + 5));
    parts.push(text({ ...placeLabel(String(tick), x(tick), left - 8, width), y: bottom + 20 }, formatNumber(tick, 0, 0, marks)));
  }
  parts.push(text({ x: right, y: height - 4, "text-anchor": "end" }, t("ws_chart_learners")));
  parts.push(line(left, top, left, bottom));
  const end = xTicks.at(-1);
  const ends = [];
  for (const [key, words, dashes] of [
    ["cost", "ws_chart_cost", null],
    ["income", "ws_chart_income", "9 5"],
  ]) {
    const at = (n) => y(lineAt(data[key], n));
    parts.push(line(x(0), at(0), x(end), at(end), { "stroke-width": 3, "stroke-dasharray": dashes, "data-line": key }));
    ends.push({ key, words: t(words), y: at(end) });
  }
  // Each line is named above its end, the lower one below it when the two would touch.
  const [upper, lower] = ends.sort((a, b) => a.y - b.y);
  const close = lower.y - upper.y < FONT + 6;
  parts.push(text({ x: right, y: round(Math.max(upper.y - 8, top + 4)), "text-anchor": "end", "font-weight": "bold" }, upper.words));
  parts.push(
    text(
      { x: right, y: round(Math.min(close ? lower.y + FONT + 6 : lower.y - 8, bottom - 4)), "text-anchor": "end", "font-weight": "bold" },
      lower.words,
    ),
  );
  const mark = (n, words, row, dashes) => {
    parts.push(line(x(n), top - 4 - row * 18, x(n), bottom, { "stroke-width": 1.5, "stroke-dasharray": dashes, "data-mark": n }));
    parts.push(text({ ...placeLabel(words, x(n), 0, width), y: 14 + row * 18 }, words));
  };
  if (data.breakEven != null) {
    mark(data.breakEven, t("ws_chart_break_even", { n: formatNumber(data.breakEven, 0, 0, marks) }), 0, "3 3");
    const point = { cx: round(x(data.breakEven)), cy: round(y(lineAt(data.cost, data.breakEven))), r: 6 };
    parts.push(
      svgNode("circle", { ...point, class: "ws-chart__point", stroke: "currentColor", "stroke-width": 2.5, "data-break-even": data.breakEven }),
    );
  }
  mark(data.group, t("ws_chart_group", { n: formatNumber(data.group, 0, 0, marks) }), 1, "1 4");
  return svgNode("svg", { xmlns: SVG, viewBox: `0 0 ${width} ${height}`, width, height, focusable: "false" }, ...parts);
}

/** Cost, income and their difference at a handful of group sizes, and a sentence. */
export function breakEvenText(data, { t, marks, currency = "" }) {
  const unit = currency ? ` ${currency}` : "";
  const money = (value) => formatNumber(value, 2, 2, marks) + unit;
  const group = formatNumber(data.group, 0, 0, marks);
  const rows = tableSizes(data).map((n) => {
    const [cost, income] = [lineAt(data.cost, n), lineAt(data.income, n)];
    return [formatNumber(n, 0, 0, marks), money(cost), money(income), money(round(income - cost))];
  });
  const summary =
    data.breakEven == null
      ? t("ws_chart_no_break_even_summary", { group })
      : t("ws_chart_break_even_summary", { n: formatNumber(data.breakEven, 0, 0, marks), group });
  return { head: [t("ws_chart_learners"), t("ws_chart_cost"), t("ws_chart_income"), t("ws_chart_difference")], rows, summary };
}

const KINDS = {
  scores: { data: scoresData, drawing: scoresDrawing, text: scoresText },
  break_even: { data: breakEvenData, drawing: breakEvenDrawing, text: breakEvenText },
};

/** A chart of the spec, from the worksheet's values: {empty} or {empty, svg, head, rows, summary}. */
export function chartOf(chart, values, width, words) {
  const kind = KINDS[chart.type];
  const data = kind.data(chart, values);
  if (data.empty) return { empty: true };
  const how = { ...words, currency: chart.currency };
  return { empty: false, svg: kind.drawing(data, width, how), ...kind.text(data, how) };
}

// The page: each chart's figure drawn again when its values or its width change.

function toElement(node) {
  if (typeof node === "string") return document.createTextNode(node);
  const element = document.createElementNS(SVG, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) if (value != null) element.setAttribute(name, String(value));
  element.append(...node.children.map(toElement));
  return element;
}

/** A table row: a header row's cells are column headers, a body row's first cell names it. */
function tableRow(cells, header) {
  const tr = document.createElement("tr");
  cells.forEach((words, index) => {
    const cell = document.createElement(header || !index ? "th" : "td");
    if (header || !index) cell.scope = header ? "col" : "row";
    cell.textContent = words;
    tr.append(cell);
  });
  return tr;
}

const drawn = new WeakMap(); // figure: what it shows, and how to draw it again
const resized =
  typeof ResizeObserver === "function" ? new ResizeObserver((entries) => entries.forEach((entry) => drawn.get(entry.target)?.redraw())) : null;

function drawFigure(figure, chart, values, words) {
  figure.hidden = false;
  const width = Math.max(280, Math.round(figure.querySelector("[data-ws-chart-drawing]").clientWidth || 640));
  const shown = chartOf(chart, values, width, words);
  const key = JSON.stringify(shown);
  const redraw = () => drawFigure(figure, chart, values, words);
  if (drawn.get(figure)?.key === key) return;
  if (!drawn.has(figure)) resized?.observe(figure);
  drawn.set(figure, { key, redraw });
  figure.dataset.wsChartState = shown.empty ? "empty" : "drawn";
  figure.querySelector("[data-ws-chart-empty]").hidden = !shown.empty;
  figure.querySelector("[data-ws-chart-drawing]").replaceChildren(...(shown.empty ? [] : [toElement(shown.svg)]));
  figure.querySelector("[data-ws-chart-summary]").textContent = shown.empty ? "" : shown.summary;
  const table = figure.querySelector("[data-ws-chart-table]");
  table.tHead.replaceChildren(...(shown.empty ? [] : [tableRow(shown.head, true)]));
  table.tBodies[0].replaceChildren(...(shown.empty ? [] : shown.rows.map((cells) => tableRow(cells, false))));
}

/** Draw every chart of the worksheet in `root` from `values` (the values its form shows), once their stylesheet applies. */
export async function showCharts(root, spec, values, t) {
  await useStylesheet("chart");
  const words = { t, marks: [...t("ws_number_marks")] };
  for (const chart of spec.charts) {
    const figure = root.querySelector(`[data-ws-chart="${CSS.escape(chart.id)}"]`);
    if (figure) drawFigure(figure, chart, values, words);
  }
}
