// devices-api (legacy, §6): vehicle commands (privilege 2). Only Tesla connections accept commands.
// Served only under BASE/devices for environment files that name it; current clients use tesla-oracle.
import { randomBytes } from 'node:crypto';
import { sendJson, send } from '../http.mjs';
import { sameAddress } from '../eth.mjs';
import { VEHICLE_NFT } from '../fixtures.mjs';
import { fiberJwt } from './common.mjs';
import { applyCommand } from '../commands.mjs';

const err = (res, code, message) => sendJson(res, code, { code, message });
const KSUID = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const ksuid = () => Array.from(randomBytes(27), (b) => KSUID[b % 62]).join('');

export function devicesService(sim) {
  return async (r, res) => {
    const m = /^\/v1\/vehicle\/([^/]+)\/commands\/(doors\/lock|doors\/unlock|charge\/start|charge\/stop|trunk\/open|frunk\/open)$/.exec(r.path);
    if (!m || r.method !== 'POST') return send(res, 404, 'Cannot ' + r.method + ' ' + r.fullPath);
    const claims = fiberJwt(sim, sim.vehicleJwt, r, res);
    if (!claims) return;
    if (String(claims.token_id) !== m[1]) return err(res, 401, 'Unauthorized! Wrong device token provided');
    if (!sameAddress(claims.contract_address, VEHICLE_NFT)) return err(res, 401, `Provided token is for the wrong contract: ${claims.contract_address}`);
    if (!Array.isArray(claims.privilege_ids) || !claims.privilege_ids.includes(2)) return err(res, 401, 'Unauthorized! Token does not contain required privileges');
    if (!/^\d+$/.test(m[1])) return err(res, 400, `Couldn't parse token id "${m[1]}".`);
    const v = sim.fx.byId.get(Number(m[1]));
    if (!v) return err(res, 404, 'Vehicle NFT not found.');
    if (!v.connection || !sim.fx.conn(v.connection).acceptsCommands) return err(res, 404, 'No command-capable integrations found for this vehicle.');
    if (m[2].startsWith('charge/') && v.powertrain !== 'BEV') return err(res, 400, 'Integration is not capable of this command.');
    if (sim.fx.syntheticDevices.find((d) => d.tokenId === v.syntheticDeviceId)?.subscription === 'inactive') {
      return err(res, 403, 'Vehicle subscription is not active.');
    }
    const requestId = ksuid();
    applyCommand(sim, v, m[2], { service: 'devices', id: requestId });
    return sendJson(res, 200, { requestId });
  };
}
