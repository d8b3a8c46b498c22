// Lazily computed, deterministic signal history: trips per day, closed-form state at any instant.
import { hash32, rand01, VSS_POWERTRAIN } from './fixtures.mjs';

const DAY = 86400000;
const TRIP_STEP = 60000; // samples every 60 s while driving
const PARK_STEP = 600000; // every 10 min while parked
export const HISTORY_DAYS = 30;

const tripCache = new Map();
/** Trips of a vehicle on UTC day index `day` (ms since epoch / DAY). Deterministic. */
export function dayTrips(seed, v, day) {
  const key = `${seed}:${v.tokenId}:${day}`;
  let trips = tripCache.get(key);
  if (trips) return trips;
  const n = 1 + (hash32(seed, 'trips', v.tokenId, day) % 3);
  const slots = [[7, 2], [12, 2], [17, 3]];
  const shares = slots.slice(0, n).map((_, i) => 1 + rand01(seed, 'share', v.tokenId, day, i));
  const total = shares.reduce((a, b) => a + b, 0);
  trips = slots.slice(0, n).map(([h, span], i) => {
    const start = day * DAY + Math.floor((h + rand01(seed, 'start', v.tokenId, day, i) * span) * 3600000 / 60000) * 60000;
    const km = (v.dailyKm * shares[i]) / total;
    const dur = Math.max(10, Math.round((km / (25 + 20 * rand01(seed, 'spd', v.tokenId, day, i))) * 60)) * 60000;
    return { start, end: start + dur, km, bearing: rand01(seed, 'bearing', v.tokenId, day, i) * 2 * Math.PI, index: i };
  });
  if (tripCache.size > 50000) tripCache.clear();
  tripCache.set(key, trips);
  return trips;
}

/** Full simulated state of the vehicle at instant t (ms). */
export function stateAt(seed, v, t) {
  const day = Math.floor(t / DAY);
  const trips = dayTrips(seed, v, day);
  let kmToday = 0;
  let trip = null;
  let progress = 0;
  let lastEnd = day * DAY - 3 * 3600000;
  for (const tr of trips) {
    if (t >= tr.end) { kmToday += tr.km; lastEnd = tr.end; } else if (t >= tr.start) {
      trip = tr; progress = (t - tr.start) / (tr.end - tr.start); kmToday += tr.km * progress;
    }
  }
  const dayIdx = day - 19000;
  const odometer = v.baseOdo + v.dailyKm * dayIdx + kmToday;
  const minute = Math.floor(t / 60000);
  const wobble = Math.sin(minute * 0.7 + v.tokenId) * 0.5 + Math.sin(minute * 0.13) * 0.5;
  const avgSpeed = trip ? (trip.km / ((trip.end - trip.start) / 3600000)) : 0;
  const speed = trip ? Math.max(0, Math.round(avgSpeed * (1 + 0.35 * wobble) * Math.min(1, progress * 20, (1 - progress) * 20) * 10) / 10) : 0;
  // position: out and back along the trip bearing
  let lat = v.home[0];
  let lon = v.home[1];
  if (trip) {
    const d = (trip.km / 2) * Math.sin(Math.PI * progress) / 111;
    lat += d * Math.cos(trip.bearing);
    lon += (d * Math.sin(trip.bearing)) / Math.cos((lat * Math.PI) / 180);
  }
  const hourOfDay = (t % DAY) / 3600000;
  const s = {
    speed, odometer: Math.round(odometer * 10) / 10, ignition: trip ? 1 : 0, lat, lon,
    hdop: Math.round((0.8 + rand01(seed, 'hdop', minute) * 0.7) * 10) / 10,
    heading: trip ? Math.round(((trip.bearing * 180) / Math.PI + (progress > 0.5 ? 180 : 0)) % 360) : 0,
    altitude: 40 + Math.round(rand01(seed, 'alt', v.tokenId) * 100),
    temp: Math.round((10 + 7 * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI) + 3 * Math.sin(day / 5)) * 10) / 10,
    locked: !trip && t - lastEnd > 600000 ? 1 : 0,
    lvVoltage: trip ? 14.1 : 12.6,
    tirePressure: 240 + Math.round(rand01(seed, 'tire', v.tokenId, day) * 12),
    trip, progress, charging: 0,
  };
  if (v.powertrain === 'BEV') {
    const startSoc = 78 + (hash32(seed, 'soc', v.tokenId, day) % 10);
    const used = (v.dailyKm / v.rangeKm) * 100;
    let soc = startSoc - (kmToday / v.rangeKm) * 100;
    if (hourOfDay >= 22 && hourOfDay < 23.5) {
      const next = 78 + (hash32(seed, 'soc', v.tokenId, day + 1) % 10);
      soc = startSoc - used + (next - startSoc + used) * ((hourOfDay - 22) / 1.5);
      s.charging = 1;
      s.addedKwh = Math.round(((soc - (startSoc - used)) / 100) * v.batteryKwh * 10) / 10;
    } else if (hourOfDay >= 23.5) {
      soc = 78 + (hash32(seed, 'soc', v.tokenId, day + 1) % 10);
      s.addedKwh = Math.round(((soc - (startSoc - used)) / 100) * v.batteryKwh * 10) / 10;
    } else s.addedKwh = 0;
    s.plugged = !trip && (hourOfDay >= 21.5 || hourOfDay < 6.5) ? 1 : 0;
    s.soc = Math.round(soc * 10) / 10;
    s.range = Math.round((s.soc / 100) * v.rangeKm);
  } else {
    const cycle = 600;
    const total = v.dailyKm * dayIdx + kmToday;
    s.fuel = Math.round((100 - ((total % cycle) / cycle) * 85) * 10) / 10;
    s.range = Math.round((s.fuel / 100) * v.rangeKm);
    s.rpm = trip ? Math.round(900 + speed * 28) : 0;
    s.coolant = trip ? 88 : Math.max(s.temp, 20);
  }
  s.wobble = wobble;
  return s;
}

// Which vehicles report a signal: every vehicle, battery-electric ones, ones with a fuel tank (ICE/HEV),
// ones with an aftermarket OBD device, and OBD devices on a combustion engine.
const AVAIL = {
  BEV: (v) => v.powertrain === 'BEV', FUEL: (v) => v.powertrain !== 'BEV', DEVICE: (v) => v.aftermarketDeviceId != null,
  OBD: (v) => v.aftermarketDeviceId != null && v.powertrain !== 'BEV',
};
const r1 = (x) => Math.round(x * 10) / 10;

// Signal name -> [type, extractor(state, v), availability]; only these have data.
const F = 'float';
export const SIGNAL_MODEL = {
  speed: [F, (s) => s.speed],
  powertrainTransmissionTravelledDistance: [F, (s) => s.odometer],
  isIgnitionOn: [F, (s) => s.ignition],
  bodyLockIsLocked: [F, (s) => s.locked],
  bodyTrunkFrontIsOpen: [F, () => 0, 'BEV'],
  bodyTrunkRearIsOpen: [F, () => 0],
  bodyLightsIsAirbagWarningOn: [F, () => 0],
  cabinDoorRow1DriverSideIsOpen: [F, () => 0],
  cabinDoorRow1PassengerSideIsOpen: [F, () => 0],
  cabinDoorRow2DriverSideIsOpen: [F, () => 0],
  cabinDoorRow2PassengerSideIsOpen: [F, () => 0],
  cabinDoorRow1DriverSideWindowIsOpen: [F, () => 0],
  cabinDoorRow1PassengerSideWindowIsOpen: [F, () => 0],
  cabinDoorRow2DriverSideWindowIsOpen: [F, () => 0],
  cabinDoorRow2PassengerSideWindowIsOpen: [F, () => 0],
  cabinSeatRow1DriverSideIsBelted: [F, (s) => s.ignition],
  cabinSeatRow1PassengerSideIsBelted: [F, () => 0],
  angularVelocityYaw: [F, (s) => (s.trip ? r1(s.wobble * 6) : 0)],
  chassisAxleRow1WheelLeftSpeed: [F, (s) => s.speed],
  chassisAxleRow1WheelRightSpeed: [F, (s) => s.speed],
  chassisAxleRow1WheelLeftTirePressure: [F, (s) => s.tirePressure],
  chassisAxleRow1WheelRightTirePressure: [F, (s) => s.tirePressure + 2],
  chassisAxleRow2WheelLeftTirePressure: [F, (s) => s.tirePressure - 1],
  chassisAxleRow2WheelRightTirePressure: [F, (s) => s.tirePressure + 1],
  chassisTireSystemIsWarningOn: [F, () => 0],
  chassisBrakeABSIsWarningOn: [F, () => 0],
  chassisBrakeIsPedalPressed: [F, (s) => (s.trip && s.wobble < -0.4 ? 1 : 0)],
  chassisBrakePedalPosition: [F, (s) => (s.trip && s.wobble < -0.4 ? Math.round(-s.wobble * 40) : 0)],
  chassisParkingBrakeIsEngaged: [F, (s) => (s.trip ? 0 : 1)],
  exteriorAirTemperature: [F, (s) => s.temp],
  lowVoltageBatteryCurrentVoltage: [F, (s) => s.lvVoltage],
  currentLocationCoordinates: ['location', (s) => ({ latitude: s.lat, longitude: s.lon, hdop: s.hdop })],
  currentLocationApproximateCoordinates: ['location', (s) => ({ latitude: Math.round(s.lat * 20) / 20, longitude: Math.round(s.lon * 20) / 20, hdop: s.hdop })],
  currentLocationAltitude: [F, (s) => s.altitude],
  currentLocationHeading: [F, (s) => s.heading],
  powertrainType: ['string', (s, v) => VSS_POWERTRAIN[v.powertrain]],
  powertrainRange: [F, (s) => s.range],
  powertrainTransmissionCurrentGear: [F, (s) => (s.trip ? Math.min(6, 1 + Math.floor(s.speed / 20)) : 0)],
  powertrainTransmissionSelectedGear: [F, (s) => (s.trip ? 1 : 126)],
  serviceDistanceToService: [F, (s) => Math.round(15000 - (s.odometer % 15000))],
  serviceTimeToService: [F, (s) => Math.round((15000 - (s.odometer % 15000)) * 1440)],
  powertrainTractionBatteryStateOfChargeCurrent: [F, (s) => s.soc, 'BEV'],
  powertrainTractionBatteryStateOfChargeCurrentEnergy: [F, (s, v) => r1((s.soc / 100) * v.batteryKwh), 'BEV'],
  powertrainTractionBatteryChargingIsCharging: [F, (s) => s.charging, 'BEV'],
  powertrainTractionBatteryChargingIsChargingCableConnected: [F, (s) => s.plugged, 'BEV'],
  powertrainTractionBatteryChargingChargeLimit: [F, () => 80, 'BEV'],
  powertrainTractionBatteryChargingPower: [F, (s) => (s.charging ? 11 : 0), 'BEV'],
  powertrainTractionBatteryChargingChargeCurrentAC: [F, (s) => (s.charging ? 16 : 0), 'BEV'],
  powertrainTractionBatteryChargingChargeVoltageUnknownType: [F, (s) => (s.charging ? 400 : 0), 'BEV'],
  powertrainTractionBatteryChargingAddedEnergy: [F, (s) => s.addedKwh, 'BEV'],
  powertrainTractionBatteryCurrentPower: [F, (s) => (s.charging ? 11000 : s.trip ? -Math.round(s.speed * 160) : 0), 'BEV'],
  powertrainTractionBatteryCurrentVoltage: [F, (s) => r1(350 + s.soc * 0.5), 'BEV'],
  powertrainTractionBatteryTemperatureAverage: [F, (s) => r1(s.temp + (s.trip || s.charging ? 9 : 2)), 'BEV'],
  powertrainTractionBatteryRange: [F, (s) => s.range, 'BEV'],
  powertrainTractionBatteryStateOfHealth: [F, (s, v) => 90 + (v.tokenId % 9), 'BEV'],
  powertrainTractionBatteryGrossCapacity: [F, (s, v) => v.batteryKwh, 'BEV'],
  powertrainFuelSystemRelativeLevel: [F, (s) => s.fuel, 'FUEL'],
  powertrainFuelSystemAbsoluteLevel: [F, (s, v) => r1((s.fuel / 100) * v.tankLiters), 'FUEL'],
  powertrainFuelSystemSupportedFuelTypes: ['string', () => 'GASOLINE', 'FUEL'],
  powertrainCombustionEngineSpeed: [F, (s) => s.rpm, 'FUEL'],
  powertrainCombustionEngineECT: [F, (s) => s.coolant, 'FUEL'],
  powertrainCombustionEngineEOT: [F, (s) => (s.trip ? 96 : s.coolant), 'FUEL'],
  powertrainCombustionEngineEngineOilLevel: ['string', () => 'NORMAL', 'FUEL'],
  powertrainCombustionEngineEngineOilRelativeLevel: [F, (s, v) => 70 + (v.tokenId % 25), 'FUEL'],
  powertrainCombustionEngineTPS: [F, (s) => (s.trip ? Math.round(10 + s.speed / 3) : 0), 'FUEL'],
  powertrainCombustionEngineMAF: [F, (s) => (s.rpm ? r1(s.rpm / 200) : 0), 'FUEL'],
  powertrainTransmissionTemperature: [F, (s) => (s.trip ? 75 : s.temp), 'FUEL'],
  obdDTCList: ['string', (s, v) => (v.tokenId % 5 === 0 ? '["P0420"]' : '[]'), 'FUEL'],
  obdStatusDTCCount: [F, (s, v) => (v.tokenId % 5 === 0 ? 1 : 0), 'FUEL'],
  obdEngineLoad: [F, (s) => (s.rpm ? Math.round(20 + s.speed / 3) : 0), 'FUEL'],
  obdIsPluggedIn: [F, () => 1, 'DEVICE'],
  obdRunTime: [F, (s) => (s.trip ? Math.round((s.progress * (s.trip.end - s.trip.start)) / 1000) : 0), 'OBD'],
  obdBarometricPressure: [F, () => 101, 'OBD'],
  obdIntakeTemp: [F, (s) => r1(s.temp + (s.trip ? 12 : 0)), 'OBD'],
  obdMAP: [F, (s) => (s.trip ? Math.round(30 + s.speed / 2) : 101), 'OBD'],
  obdThrottlePosition: [F, (s) => (s.trip ? Math.round(12 + s.speed / 3) : 0), 'OBD'],
  obdShortTermFuelTrim1: [F, (s) => (s.trip ? r1(s.wobble * 3) : 0), 'OBD'],
  obdLongTermFuelTrim1: [F, (s, v) => r1(((v.tokenId % 7) - 3) * 0.8), 'OBD'],
  obdDistanceSinceDTCClear: [F, (s) => Math.round(s.odometer % 4000), 'OBD'],
  obdDistanceWithMIL: [F, (s, v) => (v.tokenId % 5 === 0 ? Math.round(s.odometer % 300) : 0), 'OBD'],
  obdWarmupsSinceDTCClear: [F, (s) => Math.round((s.odometer % 4000) / 30), 'OBD'],
  obdFuelTypeName: ['string', () => 'Gasoline', 'OBD'],
};
export const hasSignal = (v, name) => {
  const m = SIGNAL_MODEL[name];
  return Boolean(m) && (!m[2] || AVAIL[m[2]](v));
};
export const vehicleSignals = (v) => Object.keys(SIGNAL_MODEL).filter((n) => hasSignal(v, n)).sort();

/** Sample timestamps (ms) in [from, to): trips every minute, parked every 10 minutes. */
export function* sampleTimes(seed, v, from, to) {
  let t = Math.ceil(from / TRIP_STEP) * TRIP_STEP;
  while (t < to) {
    const st = dayTrips(seed, v, Math.floor(t / DAY));
    const inTrip = st.some((tr) => t >= tr.start && t <= tr.end);
    if (inTrip || t % PARK_STEP === 0) yield t;
    if (inTrip) t += TRIP_STEP;
    else {
      const nextPark = (Math.floor(t / PARK_STEP) + 1) * PARK_STEP;
      const nextTrip = st.map((tr) => tr.start).filter((x) => x > t).sort((a, b) => a - b)[0];
      t = Math.min(nextPark, nextTrip ?? Infinity);
    }
  }
}

/** Latest sample time at or before `nowMs` (the vehicle's lastSeen). Data lags 20 s, plus `v.offlineMs`
 * for a vehicle that stopped reporting (stale fixtures, `/_control/last-seen`). */
export function lastSampleTime(seed, v, nowMs) {
  const end = nowMs - 20000 - (v.offlineMs || 0);
  const from = Math.floor(end / PARK_STEP) * PARK_STEP - PARK_STEP;
  let last = from;
  for (const t of sampleTimes(seed, v, from, end + 1)) last = t;
  return last;
}
export const historyStart = (nowMs) => Math.floor((nowMs - HISTORY_DAYS * DAY) / DAY) * DAY;
