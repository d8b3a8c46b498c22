// Assembles the simulator: fixtures, JWT issuers, services under path prefixes, control API.
import { buildFixtures } from './fixtures.mjs';
import { JwtIssuer } from './jwt.mjs';
import { SimHttp } from './http.mjs';
import { authService } from './services/auth.mjs';
import { tokenExchangeService } from './services/tokenexchange.mjs';
import { identityService } from './services/identity.mjs';
import { telemetryService } from './services/telemetry.mjs';
import { devicesService } from './services/devices.mjs';
import { teslaOracleService } from './services/teslaoracle.mjs';
import { attestationService } from './services/attestation.mjs';
import { devicedefinitionsService } from './services/devicedefinitions.mjs';
import { loginService } from './services/login.mjs';
import { creditTrackerService } from './services/credittracker.mjs';
import { resetProvisioned } from './services/provision.mjs';
import { controlHandler } from './services/control.mjs';
import { sendJson } from './http.mjs';

/** Service (environment-file key) -> path prefix. `devices` is the legacy commands API (§6). */
export const PREFIXES = {
  auth: '/auth-api', tokenExchange: '/token-exchange', identity: '/identity', telemetry: '/telemetry', devices: '/devices',
  teslaOracle: '/tesla-oracle', attestation: '/attestation', deviceDefinitions: '/device-definitions-api', login: '/login',
  creditTracker: '/credit-tracker',
};
export const DEFAULT_COMMAND_DELAY_MS = 3000;
export const TELEMETRY_COMPLEXITY_LIMIT = 100; // telemetry-api's gqlgen FixedComplexityLimit

export async function createSim({ port = 0, seed = 1, verbose = false, commandDelayMs = DEFAULT_COMMAND_DELAY_MS, teslaOracle = 'as-intended' } = {}) {
  const keys = Promise.all([JwtIssuer.create('auth'), JwtIssuer.create('auth-roles-rights')]); // meanwhile: fixtures
  const sim = {
    seed, fx: buildFixtures(seed), clockOffset: 0, faults: [], nextFaultId: 1, log: { entries: [], nextId: 1 },
    challenges: new Map(), overrides: new Map(), vinVCs: new Map(), attestations: [], commands: [], commandAttempts: [], replacedSacds: [],
    commandDelayMs, defaultCommandDelayMs: commandDelayMs, complexityLimit: TELEMETRY_COMPLEXITY_LIMIT,
    teslaOracleMode: teslaOracle, defaultTeslaOracleMode: teslaOracle, teslaStatus: new Map(),
    creditsStartMs: Date.now(), creditBalances: new Map(),
    urls: {},
  };
  [sim.authJwt, sim.vehicleJwt] = await keys;
  sim.now = () => Date.now() + sim.clockOffset * 1000;
  sim.reset = () => {
    sim.log.entries.length = 0; sim.faults.length = 0; sim.http.releaseHung(); sim.clockOffset = 0;
    sim.challenges.clear(); sim.overrides.clear(); sim.vinVCs.clear(); sim.attestations.length = 0; sim.commands.length = 0;
    sim.commandAttempts.length = 0; sim.commandDelayMs = sim.defaultCommandDelayMs; sim.complexityLimit = TELEMETRY_COMPLEXITY_LIMIT;
    sim.teslaOracleMode = sim.defaultTeslaOracleMode; sim.teslaStatus.clear(); sim.creditBalances.clear();
    for (const v of sim.fx.vehicles) v.offlineMs = v.defaultOfflineMs;
    for (let i = sim.fx.sacds.length - 1; i >= 0; i--) if (sim.fx.sacds[i].dynamic) sim.fx.sacds.splice(i, 1);
    sim.fx.sacds.push(...sim.replacedSacds); sim.replacedSacds.length = 0;
    sim.authJwt.revokeAll(); sim.vehicleJwt.revokeAll(); resetProvisioned(sim);
  };
  const handlers = { auth: authService, tokenExchange: tokenExchangeService, identity: identityService, telemetry: telemetryService,
    devices: devicesService, teslaOracle: teslaOracleService, attestation: attestationService, deviceDefinitions: devicedefinitionsService, login: loginService,
    creditTracker: creditTrackerService };
  sim.services = Object.entries(PREFIXES).map(([name, prefix]) => ({ name, prefix, handle: handlers[name](sim) }));
  sim.services.push({ name: 'vehicleIssuer', prefix: '/auth-roles-rights', handle: async (r, res) => (r.path === '/keys'
    ? sendJson(res, 200, { keys: [sim.vehicleJwt.jwk()] }) : sendJson(res, 404, { message: 'Not Found' })) });
  sim.control = controlHandler(sim);
  sim.http = new SimHttp(sim, { verbose });
  const bound = await sim.http.listen(port);
  sim.baseUrl = `http://127.0.0.1:${bound}`;
  for (const [k, p] of Object.entries(PREFIXES)) sim.urls[k] = sim.baseUrl + p;
  sim.urls.vehicleIssuer = sim.baseUrl + '/auth-roles-rights';
  sim.port = bound;
  sim.close = () => sim.http.close();
  sim.testCredentials = { clientId: sim.fx.main.clientId, redirectUri: sim.fx.main.redirectURIs[0].uri, apiKey: sim.fx.main.apiKey,
    fleetClientId: sim.fx.fleet.clientId, fleetApiKey: sim.fx.fleet.apiKey };
  return sim;
}
