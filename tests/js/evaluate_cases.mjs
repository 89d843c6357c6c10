// Reads [{tree, values}, ...] as JSON on stdin; writes the browser evaluator's results as JSON.
// Used by tests/unit/test_expression_cases.py so that Python and JavaScript answer the same table.
import { evaluate } from "../../docs/assets/javascripts/worksheet/evaluate.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = cases.map(({ tree, values }) => {
  try {
    const value = evaluate(tree, values);
    return { value: value === undefined ? "undefined" : value };
  } catch (error) {
    return { error: String(error) };
  }
});
process.stdout.write(JSON.stringify(results));
