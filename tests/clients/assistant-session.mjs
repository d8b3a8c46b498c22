// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
//
// A whole assistant session with the official TypeScript SDK Client over stdio through the real
// mcp-dimo shim, against a `dimo-tray --headless --demo` (approval policy "ask") that uses the
// DIMO simulator: access status → introspect → query → typed tools → lock_doors with elicitation
// declined, then accepted, then confirmed by telemetry → VIN credential → the doctor; then a
// second client that declares the MCP Apps extension gets the vehicle card.
// Usage: node assistant-session.mjs <mcp-dimo path> <tray socket> <simulator control URL>
// (tests/host/tst_assistantsession.cpp starts the simulator and the tray and runs this).
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { check, done } from './checks.mjs';

const [shim, socket, controlUrl] = process.argv.slice(2);
if (!shim || !socket || !controlUrl) {
  console.log('usage: node assistant-session.mjs <mcp-dimo> <socket> <control url>');
  process.exit(2);
}
async function control(path, body) {
  const r = await fetch(controlUrl + path, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.ok(r.ok, `control ${path}: ${r.status}`);
  return r.json();
}
const teslaRequests = async () => (await control('/requests?service=teslaOracle')).requests.length;
const text = (r) => r.content?.[0]?.text ?? '';

// The user's answers to the approval form, in order.
const answers = [];
const asked = [];
const client = new Client({ name: 'assistant-session', version: '1.0.0' }, { capabilities: { elicitation: {} } });
client.setRequestHandler(ElicitRequestSchema, async (request) => {
  asked.push(request.params.message);
  return answers.shift() ?? { action: 'cancel' };
});
const transport = new StdioClientTransport({
  command: shim,
  args: [],
  env: { ...process.env, DIMOTRAY_MCP_SOCKET: socket, DIMOTRAY_NO_AUTOSTART: '1' },
  stderr: 'inherit',
});

await check('connect through the shim', async () => {
  await client.connect(transport);
  assert.equal(client.getServerVersion().name, 'dimo-tray');
});
await check('tools are listed with annotations; commands are destructive', async () => {
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name);
  for (const n of ['check_vehicle_access_status', 'telemetry_introspect', 'telemetry_query', 'telemetry_get_latest_signals',
    'lock_doors', 'attestation_create_vin', 'telemetry_get_vin_credential']) assert.ok(names.includes(n), n);
  assert.equal(tools.find((t) => t.name === 'lock_doors').annotations.destructiveHint, true);
  assert.equal(tools.find((t) => t.name === 'telemetry_query').annotations.readOnlyHint, true);
});
await check('check_vehicle_access_status: signed in as Alice, 24567 listed with its credits', async () => {
  let status = '';
  for (let i = 0; i < 100 && !status.includes('Signed in: wallet'); i++) {
    if (i) await new Promise((r) => setTimeout(r, 200));
    status = text(await client.callTool({ name: 'check_vehicle_access_status', arguments: {} }));
  }
  assert.match(status, /Signed in: wallet 0x21715970edFB986Aa4E754821a4ce1b598622F18/);
  assert.match(status, /- 24567: 2023 Tesla Model 3/);
  // The license's credits per vehicle (DIMO's credit-tracker in the simulator), and the low one.
  assert.match(status, /- 24567: [^\n]*; credits: \d+ left \(\d+ used in 30 days\)/);
  assert.match(status, /Low on credits: 24558 \(12 left\)/);
});
await check('telemetry_introspect finds the lock signal', async () => {
  const r = await client.callTool({ name: 'telemetry_introspect', arguments: { search: 'lock' } });
  assert.ok(!r.isError, text(r));
  assert.match(text(r), /bodyLockIsLocked/);
});
await check('telemetry_query reads the lock state', async () => {
  const r = await client.callTool({ name: 'telemetry_query', arguments: {
    tokenId: 24567, query: 'query($tokenId: Int!) { signalsLatest(tokenId: $tokenId) { lastSeen bodyLockIsLocked { value } } }' } });
  assert.ok(!r.isError, text(r));
  const data = JSON.parse(text(r));
  assert.ok([0, 1].includes(data.signalsLatest.bodyLockIsLocked.value));
});
await check('telemetry_get_latest_signals: values with freshness (validated against outputSchema by the SDK)', async () => {
  const r = await client.callTool({ name: 'telemetry_get_latest_signals', arguments: {
    tokenId: 24567, signalNames: ['speed', 'currentLocationCoordinates', 'powertrainTractionBatteryStateOfChargeCurrent'] } });
  assert.ok(!r.isError, text(r));
  assert.equal(r.structuredContent.tokenId, 24567);
  assert.equal(r.structuredContent.freshness.stale, false);
  assert.equal(typeof r.structuredContent.signals.currentLocationCoordinates.value.latitude, 'number');
});
await check('telemetry_get_trip_segments: yesterday\'s trips', async () => {
  const to = new Date();
  const from = new Date(to.getTime() - 2 * 86400e3);
  const r = await client.callTool({ name: 'telemetry_get_trip_segments', arguments: {
    tokenId: 24567, from: from.toISOString(), to: to.toISOString(), mechanism: 'ignitionDetection' } });
  assert.ok(!r.isError, text(r));
  assert.ok(r.structuredContent.segments.length >= 1);
});
await check('lock_doors, declined by the user: not sent', async () => {
  await control('/command-delay', { ms: 300 });
  const before = await teslaRequests();
  answers.push({ action: 'decline' });
  const r = await client.callTool({ name: 'lock_doors', arguments: { tokenId: 24567 } });
  assert.equal(r.isError, true);
  assert.match(text(r), /not sent/);
  assert.equal(asked.length, 1);
  assert.match(asked[0], /assistant-session asks to lock the doors/);
  assert.equal(await teslaRequests(), before);
});
await check('lock_doors, allowed once: sent once, accepted, then confirmed by telemetry', async () => {
  const before = await teslaRequests();
  answers.push({ action: 'accept', content: { decision: 'allow_once' } });
  const progress = [];
  const r = await client.callTool({ name: 'lock_doors', arguments: { tokenId: 24567 } }, undefined, {
    onprogress: (p) => progress.push(p), resetTimeoutOnProgress: true, timeout: 60000 });
  assert.ok(!r.isError, text(r));
  assert.match(text(r), /accepted by DIMO \(commandId \d+/);
  assert.match(text(r), /Confirmed by telemetry at /);
  assert.equal(asked.length, 2);
  assert.equal(await teslaRequests(), before + 1);
  assert.ok(progress.length >= 1, 'progress notifications while watching telemetry');
});
await check('attestation_create_vin: a new VIN credential, read back', async () => {
  const r = await client.callTool({ name: 'attestation_create_vin', arguments: { tokenId: 24567 } });
  assert.ok(!r.isError, text(r));
  assert.equal(r.structuredContent.vinCredential.vin, '5YJA1E5A0PF024567');
  const vc = await client.callTool({ name: 'telemetry_get_vin_credential', arguments: { tokenId: 24567 } });
  assert.ok(!vc.isError, text(vc));
  assert.equal(vc.structuredContent.vinCredential.vin, '5YJA1E5A0PF024567');
});
await check('vehicle_capabilities: the doctor answers six rows, each with a fix', async () => {
  const r = await client.callTool({ name: 'vehicle_capabilities', arguments: { tokenId: 24567 } });
  assert.ok(!r.isError, text(r));
  const rows = r.structuredContent.capabilities;
  assert.deepEqual(rows.map((c) => c.capability), ['latest', 'history', 'location', 'commands', 'vin', 'attestations']);
  for (const c of rows) {
    assert.equal(typeof c.available, 'boolean');
    assert.ok(c.reason && c.fix && c.fix.action, JSON.stringify(c));
  }
});
await check('no MCP Apps extension declared: no ui _meta, no ui:// resource', async () => {
  const { tools } = await client.listTools();
  assert.ok(tools.every((t) => !(t._meta && t._meta.ui)));
  assert.ok(!tools.some((t) => t.name === 'vehicle_card'));
  const { resources } = await client.listResources();
  assert.ok(resources.every((r) => !r.uri.startsWith('ui://')));
});

// A second AI client on the same tray that renders MCP Apps (as Claude Desktop or VS Code do).
const ui = 'io.modelcontextprotocol/ui';
const appClient = new Client({ name: 'apps-host', version: '1.0.0' },
  { capabilities: { extensions: { [ui]: { mimeTypes: ['text/html;profile=mcp-app'] } } } });
await check('an MCP Apps host gets the vehicle card: linked tool, resource, app-only refresh', async () => {
  await appClient.connect(new StdioClientTransport({
    command: shim,
    args: [],
    env: { ...process.env, DIMOTRAY_MCP_SOCKET: socket, DIMOTRAY_NO_AUTOSTART: '1' },
    stderr: 'inherit',
  }));
  const { tools } = await appClient.listTools();
  const latest = tools.find((t) => t.name === 'telemetry_get_latest_signals');
  assert.equal(latest._meta.ui.resourceUri, 'ui://dimo-tray/vehicle-card');
  assert.deepEqual(tools.find((t) => t.name === 'vehicle_card')._meta.ui.visibility, ['app']);
  const { contents } = await appClient.readResource({ uri: 'ui://dimo-tray/vehicle-card' });
  assert.equal(contents[0].mimeType, 'text/html;profile=mcp-app');
  assert.ok(contents[0].text.includes('<html'), 'the view\'s HTML');
  const r = await appClient.callTool({ name: 'telemetry_get_latest_signals', arguments: {
    tokenId: 24567, signalNames: ['speed', 'powertrainTransmissionTravelledDistance'] } });
  assert.ok(!r.isError, text(r));
  assert.ok(r.structuredContent.signals, 'the view reads structuredContent');
  assert.ok(text(r).length > 0, 'the text stays for hosts without views');
  await appClient.close();
});
await check('close', async () => {
  await client.close();
});

done();
