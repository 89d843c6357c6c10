// Reads [{spec, answers, linked, sectionOf}, ...] as JSON on stdin; writes what the page's `solve`
// works out for each as JSON. Used by tests/unit/test_example_values.py: the build's worked
// example values and the page's must agree.
import { solve } from "../../docs/assets/javascripts/worksheet/evaluate.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = cases.map(({ spec, answers, linked, sectionOf }) => solve(spec, answers, linked, sectionOf).values);
process.stdout.write(JSON.stringify(results));
