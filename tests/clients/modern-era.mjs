// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// Dual-era check with the official Inspector CLI (whose client is the v2 TypeScript SDK): the
// engine's stdio test server with --modern-era, reached with --protocol-era modern (stateless
// 2026-07-28, no initialize), auto (server/discover probe) and legacy (initialize).
// Usage: node modern-era.mjs <inspector bin> <server binary>
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { check, done } from './checks.mjs';

const [inspector, server] = process.argv.slice(2);

function inspect(era, ...args) {
  const r = spawnSync(inspector, ['--cli', server, '--stdio', '--modern-era', '--protocol-era', era,
                                  '--format', 'json', '-q', ...args],
                      { encoding: 'utf8', timeout: 60000, env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
  return { status: r.status, json: r.stdout ? JSON.parse(r.stdout.trim().split('\n').pop()) : null, stderr: r.stderr };
}

for (const era of ['modern', 'auto', 'legacy']) {
  await check(`${era}: tools/list`, () => {
    const r = inspect(era, '--method', 'tools/list');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.json.result.tools.some((t) => t.name === 'test_simple_text'));
  });
  await check(`${era}: tools/call test_simple_text`, () => {
    const r = inspect(era, '--method', 'tools/call', '--tool-name', 'test_simple_text');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json.result.content[0].text, 'This is a simple text response for testing.');
    if (era !== 'legacy') {
      assert.equal(r.json.result._meta['io.modelcontextprotocol/serverInfo'].name, 'mcp-testserver');
    }
  });
  await check(`${era}: tools/call isError`, () => {
    const r = inspect(era, '--method', 'tools/call', '--tool-name', 'test_error_handling');
    assert.equal(r.status, 5);
    assert.equal(r.json.result.isError, true);
  });
}
await check('modern: resources/read and prompts/get', () => {
  let r = inspect('modern', '--method', 'resources/read', '--uri', 'test://static-text');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.json.result.contents[0].text, 'This is the content of the static text resource.');
  r = inspect('modern', '--method', 'prompts/get', '--prompt-name', 'test_prompt_with_arguments',
              '--prompt-args', 'arg1=a', 'arg2=b');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.json.result.messages[0].content.text, /arg1='a'/);
});

// MRTR: the v2 SDK client fulfils `input_required` with its elicitation handler and retries.
await check('modern (v2 SDK client): elicitation through input_required', async () => {
  const client = new Client({ name: 'mrtr-test', version: '1.0.0' },
                            { capabilities: { elicitation: {} }, versionNegotiation: { mode: 'auto' } });
  let asked = 0;
  client.setRequestHandler('elicitation/create', async (request) => {
    asked++;
    assert.equal(request.params.message, 'Who are you?');
    return { action: 'accept', content: { username: 'mrtr', email: 'mrtr@example.com' } };
  });
  const transport = new StdioClientTransport({ command: server, args: ['--stdio', '--modern-era'], stderr: 'ignore',
                                               env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
  await client.connect(transport);
  try {
    const r = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who are you?' } });
    assert.equal(asked, 1);
    assert.match(r.content[0].text, /mrtr@example.com/);
  } finally {
    await client.close();
  }
});

// The stateless HTTP flavour: POST-only, no session, the envelope plus MCP-Protocol-Version /
// Mcp-Method / Mcp-Name headers; the v2 client's `auto` probe must pick the modern era.
await check('modern over Streamable HTTP (v2 SDK client, auto): MRTR and progress', async () => {
  const child = spawn(server, ['--http-port', '0', '--insecure-no-token', '--print-endpoints', '--modern-era'],
                      { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
  try {
    const [line] = await once(child.stdout, 'data');
    const url = new URL(JSON.parse(String(line).split('\n')[0]).http);
    const client = new Client({ name: 'http-modern', version: '1.0.0' },
                              { capabilities: { elicitation: {} }, versionNegotiation: { mode: 'auto' } });
    client.setRequestHandler('elicitation/create', async () => ({
      action: 'accept', content: { username: 'web', email: 'web@example.com' } }));
    await client.connect(new StreamableHTTPClientTransport(url));
    try {
      let r = await client.callTool({ name: 'test_simple_text', arguments: {} });
      assert.equal(r._meta['io.modelcontextprotocol/serverInfo'].name, 'mcp-testserver'); // modern results only
      r = await client.callTool({ name: 'test_elicitation', arguments: { message: 'm' } });
      assert.match(r.content[0].text, /web@example.com/);
      const progress = [];
      r = await client.callTool({ name: 'test_tool_with_progress', arguments: {} },
                                { onprogress: (p) => progress.push(p.progress) });
      assert.deepEqual(progress, [0, 50, 100]);
    } finally {
      await client.close();
    }
  } finally {
    child.kill();
  }
});

done();
