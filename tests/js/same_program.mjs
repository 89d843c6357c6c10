// Whether each minified script is the same program as its source: JSON [{name, source,
// minified}] on stdin, the names of those whose syntax trees differ on stdout. The trees are
// ESLint's own parse, compared without positions (which minifying changes) but with every raw
// text of a literal and a template (which it must not).
import { Linter } from "eslint";

const POSITIONS = new Set(["start", "end", "range", "loc", "parent"]); // and the link back up the tree

function tree(text) {
  const linter = new Linter();
  const problems = linter.verify(text, { languageOptions: { ecmaVersion: 2022, sourceType: "module" } });
  const fatal = problems.find((problem) => problem.fatal);
  if (fatal) return `does not parse: ${fatal.message}`;
  return JSON.stringify(linter.getSourceCode().ast.body, (key, value) => (POSITIONS.has(key) ? undefined : value));
}

const pairs = JSON.parse(await new Response(process.stdin).text());
const differ = pairs.filter(({ source, minified }) => tree(source) !== tree(minified)).map(({ name }) => name);
process.stdout.write(JSON.stringify(differ));
