// Validates GraphQL documents a client sent against DIMO's REAL schemas (../shared/dimo-api/schema).
// Usage: node validate-documents.mjs FILE.json
//   FILE.json: [{"service": "identity"|"telemetry", "query": "...", "operationName"?: "..."}]
// Prints one line per document problem; exit 0 = all valid, 1 = some invalid or unreadable input,
// 3 = the real schemas are absent (set DIMO_SHARED_DIR; callers skip).
// Telemetry documents must also stay within telemetry-api's complexity limit of 100.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { operationComplexity } from '../src/graphql.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const shared = process.env.DIMO_SHARED_DIR ? resolve(process.env.DIMO_SHARED_DIR) : resolve(repo, '../shared');
const schemaDir = join(shared, 'dimo-api/schema');

function loadReal(name) {
  const dir = join(schemaDir, name);
  let sdl = readdirSync(dir).filter((f) => f.endsWith('.graphqls')).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  sdl = sdl.replace(/(input DeviceDefinitionBy @oneOf \{[\s\S]*?id: String)!/, '$1'); // graphql-js @oneOf rule (as contract.test.mjs)
  return buildSchema(sdl);
}

if (!existsSync(join(schemaDir, 'identity')) || !existsSync(join(schemaDir, 'telemetry'))) {
  console.log(`DIMO schemas not found at ${schemaDir} (set DIMO_SHARED_DIR)`);
  process.exit(3);
}
let documents;
try {
  documents = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch (e) {
  console.log(`cannot read the documents: ${e.message}`);
  process.exit(1);
}
const schemas = { identity: loadReal('identity'), telemetry: loadReal('telemetry') };
const problems = [];
for (const [i, d] of documents.entries()) {
  const schema = schemas[d.service];
  const where = `#${i} (${d.service}) ${String(d.query).replace(/\s+/g, ' ').slice(0, 160)}`;
  if (!schema) { problems.push(`${where}: unknown service`); continue; }
  let doc;
  try {
    doc = parse(d.query);
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
    continue;
  }
  for (const e of validate(schema, doc)) problems.push(`${where}: ${e.message}`);
  if (d.service === 'telemetry') {
    const c = operationComplexity(doc, d.operationName);
    if (c > 100) problems.push(`${where}: complexity ${c} over telemetry's limit of 100`);
  }
}
for (const p of problems) console.log(p);
console.log(`${documents.length} documents, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
