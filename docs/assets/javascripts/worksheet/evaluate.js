// Formula trees parsed at build time, evaluated (no parser, no eval). Agrees with `evaluate` in
// src/mctoolkit/expressions.py on every case of tests/expressions/cases.yml.

import { answered, own } from "./rules.js";

const finite = (x) => (Number.isFinite(x) ? x : null);

// Text as Python's float() reads it.
const NUMERIC = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

export function toNumber(value) {
  if (typeof value === "number") return finite(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return NUMERIC.test(text) ? finite(Number(text.replaceAll("_", ""))) : null;
}

/** As Python's math.fsum (Shewchuk). */
export function fsum(numbers) {
  const partials = [];
  for (let x of numbers) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let n = partials.length;
  if (!n) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo) break;
  }
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

const isRow = (row) => row !== null && typeof row === "object" && !Array.isArray(row);

function column(values, table, name) {
  const rows = own(values, table);
  return Array.isArray(rows) ? rows.filter(isRow).map((row) => own(row, name)) : [];
}

// As Python's str().
const text = (value) => (value === true ? "True" : value === false ? "False" : value == null ? "None" : String(value));

export function evaluate(node, values) {
  if ("n" in node) return node.n;
  if ("s" in node) return node.s;
  if ("b" in node) return node.b;
  if ("ref" in node) return own(values, node.ref);
  if ("col" in node) return column(values, ...node.col);
  if ("op" in node) return operate(node.op, node.a, values);
  return call(node.fn, node.a, values);
}

function operate(op, children, values) {
  if (op === "and") return children.every((child) => evaluate(child, values) === true);
  if (op === "or") return children.some((child) => evaluate(child, values) === true);
  if (op === "not") return evaluate(children[0], values) !== true;
  if (op === "neg") {
    const number = toNumber(evaluate(children[0], values));
    return number === null ? null : -number;
  }
  const [left, right] = children.map((child) => evaluate(child, values));
  if (op === "==" || op === "!=") {
    if (left == null || right == null || left === "" || right === "") return op === "!=";
    let same;
    if (typeof left === "string" || typeof right === "string") same = text(left) === text(right);
    else if (typeof left === "boolean" || typeof right === "boolean") same = left === right;
    else same = toNumber(left) === toNumber(right);
    return same === (op === "==");
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === null || b === null) return ["<", "<=", ">", ">="].includes(op) ? false : null;
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? null : a / b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a >= b;
  }
}

/**
 * The labels of the options no row chose, in their order. A column of rows chosen from another
 * worksheet has its options in the values under "table.column" (expressions.options_key):
 * [{id: row id, label: text}, ...].
 */
export function unchosen(options, chosen) {
  if (!Array.isArray(options)) return [];
  return options.filter((option) => isRow(option) && !chosen.includes(option.id)).map((option) => option.label);
}

// Half away from zero; -0 as copysign.
function round(value, digits) {
  const scale = 10 ** digits;
  const sign = value < 0 || Object.is(value, -0) ? -1 : 1;
  return (sign * Math.floor(Math.abs(value) * scale + 0.5)) / scale;
}

function call(name, children, values) {
  if (name === "if") {
    const chosen = evaluate(children[0], values) === true ? children[1] : children[2];
    return chosen ? evaluate(chosen, values) : null; // if(condition, value): no value otherwise
  }
  const args = children.map((child) => evaluate(child, values));
  if (name === "unchosen") return unchosen(own(values, children[0].col.join(".")), args[0]);
  if (name === "answered") return answered(args[0]);
  if (name === "has") return Array.isArray(args[0]) && args[0].includes(args[1]);
  if (name === "count") {
    const items = Array.isArray(args[0]) ? args[0] : [];
    return "col" in children[0] ? items.filter(answered).length : items.length;
  }
  if (["sum", "avg", "min", "max"].includes(name)) {
    const pool = args.length === 1 ? args[0] : args;
    const numbers = (Array.isArray(pool) ? pool : []).map(toNumber).filter((n) => n !== null);
    if (name === "sum") return fsum(numbers);
    if (!numbers.length) return null;
    if (name === "avg") return fsum(numbers) / numbers.length;
    return name === "min" ? Math.min(...numbers) : Math.max(...numbers);
  }
  const number = toNumber(args[0]);
  if (number === null) return null;
  if (name === "round") return round(number, Math.trunc(toNumber(args[1] ?? null) ?? 0));
  if (name === "floor") return Math.floor(number);
  if (name === "ceil") return Math.ceil(number);
  return Math.abs(number);
}

/** {values, hidden}. A hidden field's answer counts as empty (not even its default); conditions and formulas may read
 * each other, so they take turns until nothing changes. */
export function solve(spec, answers, linked = {}, sectionOf = {}) {
  const fields = Object.entries(spec.fields);
  const formulas = order(fields.filter(([, field]) => field.formula));
  const off = (hidden, id) => hidden.has(id) || hidden.has(`section:${own(sectionOf, id)}`);
  let hidden = new Set();
  let values = {};
  for (let turn = 0; turn < 5; turn++) {
    values = {};
    for (const [key, options] of Object.entries(linked)) if (key.includes(".")) values[key] = options; // see unchosen()
    for (const [id, field] of fields) {
      if (off(hidden, id) || field.formula) continue;
      const value = own(field.type === "linked" ? linked : answers, id);
      values[id] = answered(value) ? value : (field.default ?? value); // formulas use a default until answered
    }
    for (const [id, field] of formulas) {
      values[id] = off(hidden, id) ? null : tidy(evaluate(field.formula, values));
    }
    const next = new Set();
    const test = (condition, key) => {
      if (condition && evaluate(condition, values) !== true) next.add(key);
    };
    for (const section of spec.sections || []) test(section.condition, `section:${section.id}`);
    for (const [id, field] of fields) {
      test(field.condition, id);
      for (const [member, sub] of Object.entries(field.fields || {})) {
        test(sub.condition, `${id}.${member}`);
      }
    }
    const same = next.size === hidden.size && [...next].every((key) => hidden.has(key));
    hidden = next;
    if (same) break;
  }
  return { values, hidden };
}

function tidy(value) {
  if (typeof value !== "number") return value;
  return Number.isFinite(value) ? value + 0 : null;
}

// Each formula after those it reads.
function order(entries) {
  const byId = new Map(entries);
  const done = new Set();
  const sorted = [];
  const visit = (id) => {
    if (done.has(id) || !byId.has(id)) return;
    done.add(id);
    for (const name of reads(byId.get(id).formula)) visit(name);
    sorted.push([id, byId.get(id)]);
  };
  entries.forEach(([id]) => visit(id));
  return sorted;
}

const reads = (tree) => new Set([...nodes(tree)].flatMap((node) => (node.ref ? [node.ref] : node.col ? [node.col[0]] : [])));

/**
 * What each formula of `spec` reads, directly or through the formulas it reads: field ids, and
 * "table.column" for a column. {formula id: Set of keys}.
 */
export function inputsOf(spec) {
  const formulas = new Map(Object.entries(spec.fields).filter(([, field]) => field.formula));
  const found = new Map();
  const visit = (id, trail = new Set()) => {
    if (found.has(id)) return found.get(id);
    const keys = new Set();
    for (const node of nodes(formulas.get(id).formula)) {
      const key = node.ref ?? (node.col && node.col.join("."));
      if (!key) continue;
      keys.add(key);
      if (formulas.has(key) && !trail.has(key)) visit(key, new Set([...trail, id])).forEach((k) => keys.add(k));
    }
    found.set(id, keys);
    return keys;
  };
  formulas.forEach((_, id) => visit(id));
  return found;
}

function* nodes(node) {
  yield node;
  for (const child of node.a || []) yield* nodes(child);
}
