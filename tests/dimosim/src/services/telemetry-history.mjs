// Telemetry history queries: signals (aggregations), events, segments, dailyActivity.
import { SIGNAL_MODEL, hasSignal, stateAt, sampleTimes, dayTrips, lastSampleTime, historyStart } from '../signals.mjs';
import { hash32 } from '../fixtures.mjs';
import { checkPrivileges, checkSource } from './telemetry.mjs';
import { overrideAt } from '../commands.mjs';
import { gqlError } from '../graphql.mjs';

const iso = (ms) => new Date(ms).toISOString();
const DAY = 86400000;
const UNITS = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
/** Go's time.ParseDuration: ms, or throws its error text (time/format.go). */
function parseDuration(s) {
  const q = JSON.stringify(s);
  if (s === '0' || s === '+0' || s === '-0') return 0;
  const m = /^([-+]?)(.*)$/.exec(s);
  let rest = m[2];
  if (rest === '') throw new Error(`time: invalid duration ${q}`);
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest)[0];
    if (num === '' || num === '.') throw new Error(`time: invalid duration ${q}`);
    rest = rest.slice(num.length);
    const unit = /^[^\d.]*/.exec(rest)[0];
    if (unit === '') throw new Error(`time: missing unit in duration ${q}`);
    if (!(unit in UNITS)) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${q}`);
    rest = rest.slice(unit.length);
    total += Number(num) * UNITS[unit];
  }
  return m[1] === '-' ? -total : total;
}
/** telemetry-api errorhandler.NewBadRequestError (server-garage errorhandler.go l.51-58): code BAD_REQUEST. */
const badRequest = (message) => gqlError(message, { code: 'BAD_REQUEST' });
// repositories/segments.go l.18-22: 32 days + 1 s, for segments and dailyActivity.
const MAX_SEGMENT_RANGE = 32 * DAY + 1000;
const SEGMENT_CONFIG = [['maxGapSeconds', 60, 3600], ['minSegmentDurationSeconds', 60, 3600], ['signalCountThreshold', 1, 3600]];
/** segments.go validateSegmentConfig l.59-99. */
function checkSegmentConfig(config, mechanism) {
  if (!config) return;
  const rules = [...SEGMENT_CONFIG];
  if (mechanism === 'idling') rules.push(['maxIdleRpm', 300, 3000]);
  if (mechanism === 'refuel' || mechanism === 'recharge') rules.push(['minIncreasePercent', 1, 100]);
  for (const [k, lo, hi] of rules) {
    if (config[k] != null && (config[k] < lo || config[k] > hi)) throw badRequest(`${k} must be between ${lo} and ${hi}`);
  }
}
// validate.go l.13-17, 133-158
const EVENT_NAME = /^[a-zA-Z][a-zA-Z0-9]*\.[a-zA-Z][a-zA-Z0-9]*$/;
const EVENT_PREFIX = /^[a-zA-Z][a-zA-Z0-9]*\.([a-zA-Z][a-zA-Z0-9]*)?$/;
function checkEventName(f) {
  if (!f) return;
  for (const n of [...(f.eq != null ? [f.eq] : []), ...(f.in || [])]) {
    if (!EVENT_NAME.test(n)) throw badRequest(`invalid argument: event name '${n}' does not match namespace pattern (e.g. 'behavior.harshBraking')`);
  }
  if (f.startsWith != null && !EVENT_PREFIX.test(f.startsWith)) {
    throw badRequest(`invalid argument: event name prefix '${f.startsWith}' does not match namespace pattern (e.g. 'behavior.' or 'behavior.harsh')`);
  }
  for (const o of f.or || []) checkEventName(o);
}
function parseTime(s, what) {
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new Error(`invalid argument: ${what} is not a valid time`);
  return t;
}

function floatPass(f, x) {
  if (!f) return true;
  const own = (f.eq == null || x === f.eq) && (f.neq == null || x !== f.neq) && (f.gt == null || x > f.gt) && (f.lt == null || x < f.lt)
    && (f.gte == null || x >= f.gte) && (f.lte == null || x <= f.lte) && (f.in == null || f.in.includes(x)) && (f.notIn == null || !f.notIn.includes(x));
  return own && (!f.or?.length || f.or.some((o) => floatPass(o, x)));
}
function stringPass(f, x) {
  if (!f) return true;
  const own = (f.eq == null || x === f.eq) && (f.neq == null || x !== f.neq) && (f.in == null || f.in.includes(x))
    && (f.notIn == null || !f.notIn.includes(x)) && (f.startsWith == null || String(x).startsWith(f.startsWith));
  return own && (!f.or?.length || f.or.some((o) => stringPass(o, x)));
}
function locationPass(f, p) {
  if (!f) return true;
  if (f.inCircle) {
    const { center, radius } = f.inCircle;
    const dLat = ((p.latitude - center.latitude) * Math.PI) / 180;
    const dLon = ((p.longitude - center.longitude) * Math.PI) / 180;
    const a = Math.sin(dLat / 2) ** 2 + Math.cos((center.latitude * Math.PI) / 180) * Math.cos((p.latitude * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
    if (6371 * 2 * Math.asin(Math.sqrt(a)) > radius) return false;
  }
  if (f.inPolygon?.length >= 3) {
    let inside = false;
    const poly = f.inPolygon;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi, xj, yj] = [poly[i].longitude, poly[i].latitude, poly[j].longitude, poly[j].latitude];
      if ((yi > p.latitude) !== (yj > p.latitude) && p.longitude < ((xj - xi) * (p.latitude - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (!inside) return false;
  }
  return true;
}

export function aggregate(type, agg, values, seedKey) {
  if (!values.length) return null;
  switch (agg) {
    case 'FIRST': return values[0];
    case 'LAST': return values.at(-1);
    case 'RAND': return values[hash32(seedKey) % values.length];
    default: break;
  }
  if (type === 'float') {
    if (agg === 'AVG') return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
    if (agg === 'MAX') return Math.max(...values);
    if (agg === 'MIN') return Math.min(...values);
    if (agg === 'MED') { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
  }
  if (type === 'string') {
    if (agg === 'UNIQUE') return [...new Set(values)].join(',');
    if (agg === 'TOP') { const c = new Map(); for (const x of values) c.set(x, (c.get(x) || 0) + 1); return [...c].sort((a, b) => b[1] - a[1])[0][0]; }
  }
  if (type === 'location' && agg === 'AVG') {
    const n = values.length;
    return { latitude: values.reduce((a, p) => a + p.latitude, 0) / n, longitude: values.reduce((a, p) => a + p.longitude, 0) / n, hdop: values.reduce((a, p) => a + p.hdop, 0) / n };
  }
  return values.at(-1);
}

function signalValues(sim, v, name, samples, filter) {
  if (!hasSignal(v, name)) return [];
  const [type, fn] = SIGNAL_MODEL[name];
  const pass = type === 'float' ? floatPass : type === 'string' ? stringPass : locationPass;
  const commanded = sim.overrides.has(v.tokenId);
  return samples.map((s) => (commanded ? overrideAt(sim, v.tokenId, name, s.ts)?.value : undefined) ?? fn(s.state, v))
    .filter((x) => x != null && pass(filter, x));
}

export function aggregationsResolver(sim, guard) {
  return ({ tokenId, interval, from, to, filter }, ctx) => {
    const v = guard(tokenId, ctx);
    checkSource(filter);
    let step;
    try { step = parseDuration(interval); } catch (e) { throw new Error(`failed parsing interval: ${e.message}`); } // arguments.go l.123-129, untyped
    const f = parseTime(from, 'from');
    const t = parseTime(to, 'to');
    // validate.go validateAggSigArgs l.24-41 (interval in µs)
    if (f > t) throw badRequest('invalid argument: from timestamp is after to timestamp');
    if (!(Math.trunc(step * 1000) >= 1)) throw badRequest('invalid argument: interval is not a positive integer');
    if (!v) return [];
    const now = sim.now();
    const lo = Math.max(f, historyStart(now));
    const hi = Math.min(t, lastSampleTime(sim.seed, v, now) + 1);
    // DIMO sets no bucket or range limit; ClickHouse stops at MAX_REQUEST_DURATION (30 s in prod) and the answer is
    // repositories.go handleDBError l.321-325. The simulator says so past 20000 buckets.
    if ((hi - lo) / step > 20000) throw badRequest('request exceeded or is estimated to exceed the maximum execution time');
    const buckets = new Map();
    // a command's effect is reported as a sample of its own at its effect time
    const effects = Object.values(sim.overrides.get(v.tokenId) || {}).flat().map((o) => o.ts).filter((ts) => ts >= lo && ts < t && ts <= now);
    const times = lo < hi ? [...sampleTimes(sim.seed, v, lo, hi)] : [];
    if (effects.length) {
      for (const ts of effects) if (!times.includes(ts)) times.push(ts);
      times.sort((a, b) => a - b);
    }
    for (const ts of times) {
      const b = f + Math.floor((ts - f) / step) * step;
      if (!buckets.has(b)) buckets.set(b, []);
      buckets.get(b).push({ ts, state: stateAt(sim.seed, v, ts) });
    }
    const fields = Object.keys(SIGNAL_MODEL);
    return [...buckets].map(([b, samples]) => {
      const row = { timestamp: iso(b) };
      for (const name of fields) {
        row[name] = ({ agg, filter: vf }) => {
          checkPrivileges(ctx, 'SignalAggregations', name);
          return aggregate(SIGNAL_MODEL[name][0], agg, signalValues(sim, v, name, samples, vf), `${sim.seed}:${b}:${name}`);
        };
      }
      return new Proxy(row, { get: (o, k) => (k in o ? o[k] : (typeof k === 'string' && k !== 'then' ? () => { checkPrivileges(ctx, 'SignalAggregations', k); return null; } : undefined)) });
    });
  };
}

/** Trips of a vehicle overlapping [from, to), capped at sim-now. */
function tripsIn(sim, v, from, to) {
  const now = lastSampleTime(sim.seed, v, sim.now());
  const out = [];
  for (let d = Math.floor(from / DAY) - 1; d <= Math.floor(Math.min(to, now) / DAY); d++) {
    if (d * DAY < historyStart(sim.now()) - DAY) continue;
    for (const tr of dayTrips(sim.seed, v, d)) if (tr.end > from && tr.start < to && tr.start <= now) out.push({ ...tr, ongoing: tr.end > now });
  }
  return out;
}
const locAt = (sim, v, t) => { const s = stateAt(sim.seed, v, t); return { timestamp: iso(t), value: { latitude: s.lat, longitude: s.lon, hdop: s.hdop } }; };
function tripEvents(sim, v, tr) {
  const n = hash32(sim.seed, 'events', v.tokenId, tr.start) % 3;
  const names = ['behavior.harshBraking', 'behavior.harshAcceleration', 'behavior.harshCornering'];
  return Array.from({ length: n }, (_, i) => {
    const ts = tr.start + Math.floor(((i + 1) / (n + 1)) * (tr.end - tr.start));
    return { timestamp: iso(ts), ts, name: names[hash32(sim.seed, 'evname', v.tokenId, ts) % 3], source: `did:ethr:137:${sim.fx.conn(v.connection || 'Tesla').address}`,
      durationNs: 1500000000, metadata: JSON.stringify({ counterValue: i + 1 }) };
  });
}
/** segments.go validateSegmentArgs l.35-55 (after `to` is capped to now, GetSegments l.203-205). */
function checkSegmentRange(tokenId, f, t) {
  if (tokenId <= 0) throw badRequest(`invalid tokenID: ${tokenId}`);
  if (f > t) throw badRequest('from time must be before to time');
  if (f === t) throw badRequest('from and to times cannot be equal');
  if (t - f > MAX_SEGMENT_RANGE) throw badRequest('date range exceeds maximum of 32 days');
}

export function eventsResolver(sim, guard) {
  return ({ tokenId, from, to, filter }, ctx) => {
    const v = guard(tokenId, ctx);
    const f = parseTime(from, 'from');
    const t = parseTime(to, 'to');
    // validate.go validateEventArgs l.112-131: no range limit
    if (f > t) throw badRequest('invalid argument: from timestamp is after to timestamp');
    checkEventName(filter?.name);
    if (!v) return [];
    const out = [];
    for (const tr of tripsIn(sim, v, f, t)) {
      for (const e of tripEvents(sim, v, tr)) if (e.ts >= f && e.ts < t && stringPass(filter?.name, e.name) && stringPass(filter?.source, e.source)) out.push(e);
    }
    return out;
  };
}

function segmentView(sim, v, tr, f, signalRequests, eventRequests) {
  const endT = tr.ongoing ? null : tr.end;
  const samples = [];
  for (const ts of sampleTimes(sim.seed, v, tr.start, tr.ongoing ? lastSampleTime(sim.seed, v, sim.now()) + 1 : tr.end + 1)) samples.push({ ts, state: stateAt(sim.seed, v, ts) });
  const evs = tr.kind === 'trip' ? tripEvents(sim, v, tr) : [];
  return {
    start: locAt(sim, v, tr.start), end: endT ? locAt(sim, v, endT) : null,
    duration: Math.round(((endT ?? sim.now()) - tr.start) / 1000), isOngoing: tr.ongoing, startedBeforeRange: tr.start < f,
    signals: (signalRequests || []).filter((r) => SIGNAL_MODEL[r.name]?.[0] === 'float')
      .map((r) => ({ name: r.name, agg: r.agg, value: aggregate('float', r.agg, signalValues(sim, v, r.name, samples), `${tr.start}:${r.name}`) }))
      .filter((x) => x.value != null),
    eventCounts: (eventRequests || []).map((r) => ({ name: r.name, count: evs.filter((e) => e.name === r.name).length })),
  };
}

const TRIP_MECHANISMS = ['ignitionDetection', 'frequencyAnalysis', 'changePointDetection'];
const MIN = 60000;

/**
 * Activity windows of a mechanism overlapping [from, to): trips (ignition/frequency/change point),
 * idling = the first 4 minutes of the first trip of a day (combustion engines), recharge = the nightly
 * 22:00–23:30 UTC charge (BEVs), refuel = 5 minutes where the fuel level jumps (every 600 km).
 */
function windowsIn(sim, v, mechanism, from, to) {
  const now = lastSampleTime(sim.seed, v, sim.now());
  const trips = tripsIn(sim, v, from - DAY, to).map((tr) => ({ ...tr, kind: 'trip' }));
  const clip = (w) => w.end > from && w.start < to && w.start <= now;
  const fuel = v.powertrain !== 'BEV';
  if (TRIP_MECHANISMS.includes(mechanism)) return trips.filter(clip);
  let out = [];
  if (mechanism === 'idling' && fuel) out = trips.filter((tr) => tr.index === 0).map((tr) => ({ start: tr.start, end: tr.start + 4 * MIN }));
  if (mechanism === 'refuel' && fuel) {
    for (const tr of trips) {
      const km0 = stateAt(sim.seed, v, tr.start).odometer - v.baseOdo;
      const km1 = stateAt(sim.seed, v, tr.end).odometer - v.baseOdo;
      if (Math.floor(km0 / 600) === Math.floor(km1 / 600) || km1 <= km0) continue;
      const at = tr.start + Math.floor(((Math.floor(km1 / 600) * 600 - km0) / (km1 - km0)) * (tr.end - tr.start) / MIN) * MIN;
      out.push({ start: at, end: at + 5 * MIN });
    }
  }
  if (mechanism === 'recharge' && !fuel) {
    for (let d = Math.floor(from / DAY) - 1; d <= Math.floor(to / DAY); d++) out.push({ start: d * DAY + 22 * 3600000, end: d * DAY + 23.5 * 3600000 });
  }
  return out.map((w) => ({ ...w, kind: mechanism, ongoing: w.end > now })).filter(clip);
}

export function segmentsResolver(sim, guard) {
  return ({ tokenId, from, to, mechanism, config, signalRequests, eventRequests, limit = 100, after }, ctx) => {
    const v = guard(tokenId, ctx);
    const f = parseTime(from, 'from');
    const t = Math.min(parseTime(to, 'to'), sim.now());
    checkSegmentRange(tokenId, f, t);
    checkSegmentConfig(config, mechanism);
    if (limit != null && (limit < 1 || limit > 200)) throw badRequest('limit must be between 1 and 200'); // l.102-110
    if (!v) return [];
    const a = after ? parseTime(after, 'after') : -Infinity;
    return windowsIn(sim, v, mechanism, f, t).filter((w) => w.start > a).slice(0, limit).map((w) => segmentView(sim, v, w, f, signalRequests, eventRequests));
  };
}

/** Calendar day (YYYY-MM-DD) of an instant in an IANA time zone (default UTC). */
function localDay(timezone) {
  let fmt;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timezone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw badRequest(`invalid timezone ${JSON.stringify(timezone)}: unknown time zone ${timezone}`); // segments.go l.507-513
  }
  return (ms) => fmt.format(new Date(ms));
}

export function dailyActivityResolver(sim, guard) {
  return ({ tokenId, from, to, mechanism, signalRequests, eventRequests, timezone }, ctx) => {
    const v = guard(tokenId, ctx);
    const f = parseTime(from, 'from');
    const t = parseTime(to, 'to');
    // segments.go GetDailyActivity l.502-526: mechanism, zone, then calendar dates in the zone
    if (!TRIP_MECHANISMS.includes(mechanism)) throw badRequest(`dailyActivity does not accept mechanism ${mechanism}; use ignitionDetection, frequencyAnalysis, or changePointDetection`);
    const dayOf = timezone ? localDay(timezone) : localDay('UTC');
    const fromDate = Date.parse(dayOf(f) + 'T00:00:00Z');
    const toDate = Date.parse(dayOf(t) + 'T00:00:00Z');
    if (fromDate > toDate) throw badRequest('from date must be before to date');
    if (dayOf(t) > dayOf(sim.now())) throw badRequest('to date cannot be in the future');
    if (toDate - fromDate > MAX_SEGMENT_RANGE) throw badRequest('date range exceeds maximum of 32 days');
    if (!v) return [];
    const days = new Map();
    for (const tr of windowsIn(sim, v, mechanism, f, t)) {
      const d = dayOf(tr.start);
      if (!days.has(d)) days.set(d, []);
      days.get(d).push(segmentView(sim, v, tr, f, signalRequests, eventRequests));
    }
    return [...days.values()].map((segs) => ({
      start: segs[0].start, end: segs.at(-1).end, segmentCount: segs.length, duration: segs.reduce((a, s) => a + s.duration, 0),
      signals: (signalRequests || []).map((r) => {
        const vals = segs.flatMap((s) => s.signals.filter((x) => x.name === r.name && x.agg === r.agg).map((x) => x.value));
        return { name: r.name, agg: r.agg, value: aggregate('float', r.agg, vals, r.name) };
      }).filter((x) => x.value != null),
      eventCounts: (eventRequests || []).map((r) => ({ name: r.name, count: segs.reduce((a, s) => a + (s.eventCounts.find((e) => e.name === r.name)?.count || 0), 0) })),
    }));
  };
}
