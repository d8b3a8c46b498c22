// Benchmark (not a ctest): startup time and request throughput on 127.0.0.1.
// Prints {"sim_start_ms": N, "sim_requests_per_s": N}.
import http from 'node:http';
import { startSim } from './src/index.mjs';
import { developerJwt, exchange } from './test/helpers.mjs';

const TOTAL = Number(process.env.BENCH_REQUESTS || 3000);
const CONCURRENCY = 16;
const t0 = performance.now();
const sim = await startSim();
const startMs = Math.round(performance.now() - t0);
try {
  const dev = await developerJwt(sim);
  const token = (await exchange(sim, dev, { nftContractAddress: '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF', privileges: [1, 4], tokenId: 24567 })).body.token;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const bodies = [
    ['identity', JSON.stringify({ query: 'query($g:Address!){vehicles(first:20, filterBy:{privileged:$g}){totalCount nodes{tokenId name definition{make model year}}}}', variables: { g: sim.testCredentials.clientId } })],
    ['telemetry', JSON.stringify({ query: '{signalsLatest(tokenId:24567){lastSeen speed{timestamp value} powertrainTransmissionTravelledDistance{value} currentLocationCoordinates{value{latitude longitude}}}}' })],
  ];
  const one = (i) => new Promise((resolve, reject) => {
    const [svc, body] = bodies[i % 2];
    const u = new URL(sim.env[svc] + '/query');
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(svc === 'telemetry' ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
  let next = 0;
  const t1 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < TOTAL) await one(next++); }));
  const secs = (performance.now() - t1) / 1000;
  agent.destroy();
  process.stdout.write(JSON.stringify({ sim_start_ms: startMs, sim_requests_per_s: Math.round(TOTAL / secs) }) + '\n');
} finally {
  await sim.stop();
}
