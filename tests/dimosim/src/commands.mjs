// Vehicle command effects shared by tesla-oracle and the legacy devices-api route: a command changes
// one telemetry signal after `sim.commandDelayMs` (sim time), so clients can watch telemetry confirm it.

/** Command name -> signal values it sets. */
export const COMMAND_EFFECTS = {
  'doors/lock': { bodyLockIsLocked: 1 },
  'doors/unlock': { bodyLockIsLocked: 0 },
  'charge/start': { powertrainTractionBatteryChargingIsCharging: 1 },
  'charge/stop': { powertrainTractionBatteryChargingIsCharging: 0 },
  'trunk/open': { bodyTrunkRearIsOpen: 1 },
  'frunk/open': { bodyTrunkFrontIsOpen: 1 },
};

const iso = (ms) => new Date(ms).toISOString();

/**
 * Schedules the effect of an accepted command and records it. Returns the record
 * ({id, service, tokenId, command, requestedAt, effectAt, …}); `state` is computed when read.
 */
export function applyCommand(sim, v, command, { service, id }) {
  const now = sim.now();
  const effectAt = now + sim.commandDelayMs;
  let perVehicle = sim.overrides.get(v.tokenId);
  if (!perVehicle) {
    perVehicle = {};
    sim.overrides.set(v.tokenId, perVehicle);
  }
  for (const [name, value] of Object.entries(COMMAND_EFFECTS[command] || {})) {
    const list = (perVehicle[name] ||= []);
    list.push({ value, ts: effectAt, command });
    list.sort((a, b) => a.ts - b.ts);
  }
  const record = { id, service, tokenId: v.tokenId, command, requestedAt: iso(now), effectAt: iso(effectAt),
    delayMs: sim.commandDelayMs, signals: COMMAND_EFFECTS[command] || {} };
  sim.commands.push(record);
  return record;
}

/** The command records with their state at sim-now: 'pending' until the effect time, then 'applied'. */
export const commandsView = (sim) => sim.commands.map((c) => ({ ...c, state: Date.parse(c.effectAt) <= sim.now() ? 'applied' : 'pending' }));

/** The latest command-set value of `name` at instant t (ms), or null. */
export function overrideAt(sim, tokenId, name, t) {
  const list = sim.overrides.get(tokenId)?.[name];
  if (!list) return null;
  let hit = null;
  for (const o of list) {
    if (o.ts <= t) hit = o;
    else break;
  }
  return hit;
}

/** Time of the latest command effect at or before t (a command wakes the car: it counts for lastSeen). */
export function lastEffectAt(sim, tokenId, t) {
  let last = -Infinity;
  for (const list of Object.values(sim.overrides.get(tokenId) || {})) {
    for (const o of list) if (o.ts <= t && o.ts > last) last = o.ts;
  }
  return last;
}
