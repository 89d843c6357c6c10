// Reads [{rows, label}, ...] as JSON on stdin; writes the page's rowOptions and rowValues for each
// as JSON. Used by tests/unit/test_row_options.py: the build's options and linked values of the
// worked example and the page's must agree.
import { rowOptions, rowValues } from "../../docs/assets/javascripts/worksheet/linkedrows.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = cases.map(({ rows, label }) => ({ options: rowOptions(rows, label), values: rowValues(rows, label) }));
process.stdout.write(JSON.stringify(results));
