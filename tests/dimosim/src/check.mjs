// `scripts/dimo-sim --check`: the simulator must print its JSON line within 2 s.
import { startSim } from './index.mjs';

const t0 = Date.now();
try {
  const sim = await startSim({ timeoutMs: 2000 });
  const ms = Date.now() - t0;
  await sim.stop();
  process.stderr.write(`dimosim check: started in ${ms} ms at ${sim.baseUrl}\n`);
  process.exit(0);
} catch (e) {
  process.stderr.write(`dimosim check FAILED: ${e.message}\n`);
  process.exit(1);
}
