// Reads [{rows, label}, ...] as JSON on stdin; writes the page's rowOptions for each as JSON. Used by
// tests/unit/test_row_options.py: the build's options of the worked example and the page's must agree.
import { rowOptions } from "../../docs/assets/javascripts/worksheet/linkedrows.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
process.stdout.write(JSON.stringify(cases.map(({ rows, label }) => rowOptions(rows, label))));
