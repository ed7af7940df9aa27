// Lint every statement of a Cypher script with Neo4j's own parser (language-support).
// Usage: node lint.mjs FILE.cypher  -> prints {"statements": n, "errors": [...]} as JSON.
import { readFileSync } from "node:fs";
import { lintCypherQuery } from "@neo4j-cypher/language-support";

const text = readFileSync(process.argv[2], "utf8");
const statements = text
  .split("\n")
  .filter((line) => line.trim() && !line.startsWith("//"));
const errors = [];
statements.forEach((statement, index) => {
  const result = lintCypherQuery(statement, {});
  const diagnostics = Array.isArray(result) ? result : result.diagnostics;
  for (const d of diagnostics) {
    if (d.severity === 1) {
      errors.push({ statement: index + 1, message: d.message, at: d.offsets });
    }
  }
});
console.log(JSON.stringify({ statements: statements.length, errors }));
