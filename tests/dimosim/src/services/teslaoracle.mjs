// tesla-oracle (dimo-api README §6.1): POST /v1/commands/{tokenId} {"command": …} with a vehicle JWT
// holding privilege 2. Only vehicles with a Tesla synthetic device take commands; effects are delayed.
import { sendJson, send, parseJsonBody } from '../http.mjs';
import { sameAddress } from '../eth.mjs';
import { VEHICLE_NFT } from '../fixtures.mjs';
import { fiberJwt } from './common.mjs';
import { applyCommand } from '../commands.mjs';

// tesla-oracle's own list (internal/core/commands.go), in its order; the message quotes it.
export const SUPPORTED_COMMANDS = ['frunk/open', 'trunk/open', 'doors/lock', 'doors/unlock', 'charge/start', 'charge/stop',
  'wakeup', 'telemetry/subscribe', 'telemetry/unsubscribe', 'telemetry/start'];
const err = (res, code, message) => sendJson(res, code, { code, message });

export function teslaOracleService(sim) {
  let nextJobId = 1;
  return async (r, res) => {
    const m = /^\/v1\/commands\/([^/]+)$/.exec(r.path);
    if (!m || r.method !== 'POST') return send(res, 404, 'Cannot ' + r.method + ' ' + r.fullPath);
    const claims = fiberJwt(sim, sim.vehicleJwt, r, res);
    if (!claims) return;
    const rec = (status, body, command) => sim.commandAttempts.push({ service: 'teslaOracle', tokenIdParam: m[1], command: command ?? null,
      status, commandId: body.commandId ?? null, message: body.message, time: new Date(sim.now()).toISOString() });
    const fail = (code, message, command) => { rec(code, { message }, command); return err(res, code, message); };
    if (!/^\d+$/.test(m[1])) return fail(400, 'Invalid vehicle token ID format.');
    // privilegetoken middleware (DIMO shared): token id, vehicle contract, privilege 2
    if (String(claims.token_id) !== m[1]) return fail(401, 'Unauthorized! Wrong device token provided');
    if (!sameAddress(claims.contract_address, VEHICLE_NFT)) return fail(401, `Provided token is for the wrong contract: ${claims.contract_address}`);
    if (!Array.isArray(claims.privilege_ids) || !claims.privilege_ids.includes(2)) return fail(401, 'Unauthorized! Token does not contain required privileges');
    // Fiber's BodyParser needs a JSON content type; anything else fails like a bad body
    const json = (r.headers['content-type'] || '').toLowerCase().startsWith('application/json');
    const body = parseJsonBody(r);
    if (!json || !body.ok || !body.value || typeof body.value !== 'object' || Array.isArray(body.value)
      || (body.value.command !== undefined && typeof body.value.command !== 'string')) return fail(400, 'Failed to parse request body');
    const command = body.value.command ?? '';
    if (command === '') return fail(400, 'bad request: command field is required', command);
    if (!SUPPORTED_COMMANDS.includes(command)) {
      return fail(400, `unsupported command: command '${command}' is not supported. Supported commands: ${SUPPORTED_COMMANDS.join(', ')}`, command);
    }
    const v = sim.fx.byId.get(Number(m[1]));
    const sd = v && sim.fx.syntheticDevices.find((d) => d.tokenId === v.syntheticDeviceId);
    if (!sd || sd.connection !== 'Tesla') return fail(404, 'synthetic device not found: vehicle not found', command);
    if (sd.subscription === 'inactive') return fail(403, 'vehicle subscription is not active', command);
    const commandId = String(nextJobId++);
    const answer = { commandId, status: 'pending', message: 'Command submitted successfully and queued for execution' };
    applyCommand(sim, v, command, { service: 'teslaOracle', id: commandId });
    rec(200, answer, command);
    return sendJson(res, 200, answer);
  };
}
