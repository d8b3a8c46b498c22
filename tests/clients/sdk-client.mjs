// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// TypeScript SDK client test: the official @modelcontextprotocol/sdk Client with
// StreamableHTTPClientTransport against the server's Streamable HTTP endpoint.
// Usage: node sdk-client.mjs <url>   (scripts/conformance sdk starts the server and passes the url)
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { check, done } from './checks.mjs';

const url = new URL(process.argv[2]);

const client = new Client({ name: 'dimotray-sdk-client-test', version: '1.0.0' },
                          { capabilities: { elicitation: {} } });
client.setRequestHandler(ElicitRequestSchema, async () => ({
  action: 'accept', content: { username: 'sdk', email: 'sdk@example.com' } }));
const transport = new StreamableHTTPClientTransport(url);

await check('connect negotiates the latest protocol', async () => {
  await client.connect(transport);
  assert.ok(transport.sessionId, 'Mcp-Session-Id');
  assert.equal(client.getServerVersion().version.length > 0, true);
  assert.ok(client.getServerCapabilities().tools);
  assert.ok(client.getInstructions());
});
await check('listTools returns one page with explicit annotations', async () => {
  // Every hint with information: readOnlyHint always; destructive/idempotent for tools that write.
  const { tools, nextCursor } = await client.listTools();
  assert.equal(nextCursor, undefined);
  const simple = tools.find((t) => t.name === 'test_simple_text');
  assert.ok(simple, 'test_simple_text listed');
  for (const t of tools) {
    const writes = t.annotations?.readOnlyHint === false;
    assert.equal(typeof t.annotations?.readOnlyHint, 'boolean', `${t.name}.readOnlyHint`);
    for (const hint of ['destructiveHint', 'idempotentHint']) {
      assert.equal(typeof t.annotations?.[hint], writes ? 'boolean' : 'undefined', `${t.name}.${hint}`);
    }
    assert.notEqual(t.annotations?.openWorldHint, true, `${t.name}.openWorldHint is only sent when false`);
  }
});
await check('callTool test_simple_text', async () => {
  const r = await client.callTool({ name: 'test_simple_text', arguments: {} });
  assert.deepEqual(r.content, [{ type: 'text', text: 'This is a simple text response for testing.' }]);
});
await check('callTool input validation is a tool error', async () => {
  const r = await client.callTool({ name: 'test_sampling', arguments: { prompt: 5 } });
  assert.equal(r.isError, true);
  assert.match(r.content[0].text, /prompt/);
});
await check('callTool unknown tool is a JSON-RPC -32602', async () => {
  await assert.rejects(client.callTool({ name: 'no_such_tool', arguments: {} }), /-32602/);
});
await check('callTool with elicitation round trip', async () => {
  const r = await client.callTool({ name: 'test_elicitation', arguments: { message: 'who?' } });
  assert.match(r.content[0].text, /action=accept/);
  assert.match(r.content[0].text, /sdk@example.com/);
});
await check('callTool survives a server-closed stream (SSE polling resume)', async () => {
  const r = await client.callTool({ name: 'test_reconnection', arguments: {} });
  assert.equal(r.content[0].text, 'Reconnection test completed successfully');
});
await check('readResource test://static-text', async () => {
  const r = await client.readResource({ uri: 'test://static-text' });
  assert.equal(r.contents[0].text, 'This is the content of the static text resource.');
  assert.equal(r.contents[0].mimeType, 'text/plain');
});
await check('getPrompt with arguments', async () => {
  const r = await client.getPrompt({ name: 'test_prompt_with_arguments', arguments: { arg1: 'a', arg2: 'b' } });
  assert.match(r.messages[0].content.text, /arg1='a'/);
});
await check('terminate the session', async () => {
  await transport.terminateSession();
  await client.close();
});

done();
