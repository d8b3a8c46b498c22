// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// The shipped dimo-tray (no conformance fixtures) through the official @modelcontextprotocol/sdk
// Client with StreamableHTTPClientTransport: what the product must answer with no test tools.
// Usage: node product-client.mjs <url>   (scripts/conformance product starts the server)
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { EmptyResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { check, done } from './checks.mjs';

const url = new URL(process.argv[2]);

const client = new Client({ name: 'dimotray-product-client-test', version: '1.0.0' }, { capabilities: {} });
const transport = new StreamableHTTPClientTransport(url);

await check('connect negotiates a session with dimo-tray', async () => {
  await client.connect(transport);
  assert.ok(transport.sessionId, 'Mcp-Session-Id');
  assert.equal(client.getServerVersion().name, 'dimo-tray');
  assert.ok(client.getServerCapabilities().tools);
});
await check('ping', async () => {
  await client.ping();
});
await check('logging/setLevel', async () => {
  await client.setLoggingLevel('warning');
});
await check('tools/list has no test fixtures', async () => {
  const { tools, nextCursor } = await client.listTools();
  assert.equal(nextCursor, undefined);
  assert.equal(tools.filter((t) => t.name.startsWith('test_')).length, 0);
});
await check('an unknown method is -32601', async () => {
  await assert.rejects(client.request({ method: 'no/such/method', params: {} }, EmptyResultSchema), /-32601/);
});
await check('an unknown tool is -32602', async () => {
  await assert.rejects(client.callTool({ name: 'test_simple_text', arguments: {} }), /-32602/);
});
await check('terminate the session', async () => {
  await transport.terminateSession();
  await client.close();
});

done();
