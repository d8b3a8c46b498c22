// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// DIMO's real schemas (../shared/dimo-api/schema/{identity,telemetry}/*.graphqls) as introspection
// JSON ({"data": {"__schema": ...}}), for the compact SDL size bars (tests/tools/tst_toolsrealschema).
// Usage: node introspect-real.mjs <schema dir> <output dir>. Without the schema dir it writes
// nothing and exits 0 (the QtTest then skips, naming the missing directory).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, introspectionFromSchema } from 'graphql';

const [schemaDir, outDir] = process.argv.slice(2);
if (!schemaDir || !outDir) {
  console.error('usage: introspect-real.mjs <schema dir> <output dir>');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
for (const name of ['identity', 'telemetry']) {
  const dir = join(schemaDir, name);
  if (!existsSync(dir)) {
    rmSync(join(outDir, `${name}.json`), { force: true }); // never measure a stale copy
    console.log(`no ${dir}: DIMO's real ${name} schema is not available, nothing written`);
    continue;
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphqls')).sort();
  let sdl = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  // graphql-js 16 does not know @oneOf inputs with a non-null member; relax it as the contract test does.
  sdl = sdl.replace(/(input DeviceDefinitionBy @oneOf \{[\s\S]*?id: String)!/, '$1');
  const schema = buildSchema(sdl);
  const out = join(outDir, `${name}.json`);
  writeFileSync(out, JSON.stringify({ data: introspectionFromSchema(schema) }));
  console.log(`${out}: ${files.length} files`);
}
