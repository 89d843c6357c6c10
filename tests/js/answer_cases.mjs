// Reads {typed: [...], answers: [...]} (tests/answers/cases.yml) as JSON on stdin; writes the
// browser's results as JSON. Used by tests/unit/test_answer_cases.py so that the build and the
// page hold one definition of a valid answer.
import { readNumber } from "../../docs/assets/javascripts/worksheet/numbers.js";
import { problems } from "../../docs/assets/javascripts/worksheet/rules.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const typed = cases.typed.map(({ text, language }) => {
  const { value, unreadable } = readNumber(text, language);
  return unreadable ? null : value === undefined ? "blank" : value;
});
const answers = cases.answers.map(({ field, value }) => problems(value, field).map(([path, code]) => [path.join("."), code]));
process.stdout.write(JSON.stringify({ typed, answers }));
