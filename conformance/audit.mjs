// Runs the graphql-http server audits against the GraphQL endpoint given
// as the first argument, prints one line per audit and exits with status 1
// when any audit ends in an error or a warning.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const results = await auditServer({ url });
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] += 1;
  const line = `${result.status.padEnd(6)} ${result.id} ${result.name}`;
  console.log(result.status === 'ok' ? line : `${line}\n       reason: ${result.reason}`);
}
console.log(
  `graphql-http ${results.length} audits: ${counts.ok} ok, ${counts.notice} notices, ` +
    `${counts.warn} warnings, ${counts.error} errors`,
);
process.exit(counts.warn + counts.error > 0 ? 1 : 0);
