// Deterministic fixture data (licenses, users, vehicles, devices, grants) from a seed.
import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { addressFromPrivateKey, checksumAddress, labelAddress } from './eth.mjs';

export const CHAIN_ID = 137;
export const VEHICLE_NFT = '0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF';
export const AFTERMARKET_NFT = '0x9c94C395cBcBDe662235E0A9d3bB87Ad708561BA';
export const SYNTHETIC_NFT = '0x4804e8D1661cd1a1e5dDdE1ff458A7f878c0aC6D';
export const MANUFACTURER_NFT = '0x3b07e2A2ABdd0A9B8F7878bdE6487c502164B9dd';
export const LICENSE_NFT = labelAddress('dimosim developer license NFT');
export const CONNECTION_NFT = labelAddress('dimosim connection NFT');
export const ATTESTATION_SOURCE = labelAddress('dimosim attestation service');
export const MAIN_API_KEY = '245f45dbe7ee2ea57bc67cc48c4bf232cd305661be635ac9b89d47dd99dc55dc';
export const MAIN_CLIENT_ID = '0x84a0F7845E012c833d255577F233284B46533543';
export const PRIVILEGE_NAMES = {
  1: 'privilege:GetNonLocationHistory', 2: 'privilege:ExecuteCommands', 3: 'privilege:GetCurrentLocation',
  4: 'privilege:GetLocationHistory', 5: 'privilege:GetVINCredential', 6: 'privilege:GetLiveData',
  7: 'privilege:GetRawData', 8: 'privilege:GetApproximateLocation',
};
export const did = (contract, tokenId) => `did:erc721:${CHAIN_ID}:${contract}:${tokenId}`;

/** FNV-1a based 32-bit hash of the seed and keys; the root of all determinism. */
export function hash32(...keys) {
  let h = 0x811c9dc5;
  for (const ch of keys.join('|')) { h ^= ch.charCodeAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b) >>> 0; h ^= h >>> 13;
  return h >>> 0;
}
export const rand01 = (...keys) => hash32(...keys) / 4294967296;
export function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Permission bitmask hex (§3.3): privilege i -> bits 2i and 2i+1. */
export function permissionsHex(ids) {
  let v = 0n;
  for (const i of ids) v |= 3n << BigInt(2 * i);
  return '0x' + v.toString(16);
}
export function permissionIds(hex) {
  const v = BigInt(hex);
  const ids = [];
  for (let i = 0; i < 128; i++) if (((v >> BigInt(2 * i)) & 3n) === 3n) ids.push(i);
  return ids;
}

export const slug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[ _/.']/g, '-');
export const definitionId = (make, model, year) => `${slug(make)}_${slug(model).replace(/,/g, '')}_${year}`;

const WORDS = ['Amber', 'Falcon', 'Harbor', 'Quiet', 'Meadow', 'Lantern', 'Silver', 'River', 'Cedar', 'Bright',
  'Summit', 'Copper', 'Willow', 'Rapid', 'Stone', 'Golden', 'Maple', 'Crimson', 'Echo', 'Frost', 'Ivory', 'Jade'];
export const mnemonicName = (seed, id) => [0, 1, 2].map((k) => WORDS[hash32(seed, 'name', id, k) % WORDS.length]).join(' ');

const VIN_MAP = '0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ';
function vinCheckDigit(vin) {
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VIN_MAP.indexOf(vin[i]) % 10) * weights[i];
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}
const YEAR_CODE = { 2017: 'H', 2018: 'J', 2019: 'K', 2020: 'L', 2021: 'M', 2022: 'N', 2023: 'P', 2024: 'R' };
export function makeVin(wmi, year, serial) {
  const body = wmi + 'A1E5A' + '0' + YEAR_CODE[year] + 'F' + String(serial).padStart(6, '0');
  const vin = body.slice(0, 8) + '0' + body.slice(9);
  return vin.slice(0, 8) + vinCheckDigit(vin) + vin.slice(9);
}

// make, model, year range, powertrain (device-definition attribute), VSS powertrainType, WMI
export const CATALOG = [
  ['Tesla', 'Model 3', [2017, 2023], 'BEV', '5YJ'], ['Tesla', 'Model Y', [2020, 2023], 'BEV', '7SA'],
  ['Ford', 'F-150', [2018, 2023], 'ICE', '1FT'], ['Ford', 'Mustang Mach-E', [2021, 2023], 'BEV', '3FM'],
  ['Toyota', 'RAV4 Hybrid', [2019, 2023], 'HEV', 'JTM'], ['BMW', 'i4', [2022, 2023], 'BEV', 'WBY'],
  ['Volkswagen', 'ID.4', [2021, 2023], 'BEV', 'WVG'], ['Honda', 'Civic', [2017, 2023], 'ICE', '2HG'],
  ['Mercedes-Benz', 'C-Class', [2017, 2022], 'ICE', 'W1K'], ['Hyundai', 'Ioniq 5', [2022, 2023], 'BEV', 'KM8'],
  ['Chevrolet', 'Bolt EV', [2017, 2022], 'BEV', '1G1'], ['Kia', 'Niro', [2019, 2023], 'HEV', 'KND'],
];
export const VSS_POWERTRAIN = { BEV: 'ELECTRIC', ICE: 'COMBUSTION', HEV: 'HYBRID', PHEV: 'HYBRID' };
const CITIES = [[47.6097, -122.3331], [40.7128, -74.006], [52.52, 13.405], [48.1351, 11.582], [37.7749, -122.4194],
  [51.5072, -0.1276], [45.5152, -122.6784], [41.8781, -87.6298]];

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const FAR_FUTURE = Date.UTC(2125, 1, 20, 9, 14, 33);

export function buildFixtures(seed = 1) {
  const rnd = mulberry32(seed);
  const keyFor = (label) => bytesToHex(keccak_256(utf8ToBytes(`dimosim:${seed}:${label}`)));
  const t0 = Date.UTC(2024, 5, 14, 18, 0, 0);
  const at = (days) => iso(t0 + Math.floor(days * 86400000));

  const manufacturers = [...new Set(CATALOG.map((c) => c[0])), 'AutoPi', 'Hashdog'].map((name, i) => ({
    tokenId: 131 + i, name, owner: labelAddress(`manufacturer owner ${name}`), tableId: 800 + i, mintedAt: at(-300 + i),
  }));
  const mfr = (name) => manufacturers.find((m) => m.name === name);

  const definitions = [];
  for (const [make, model, [y0, y1], pt] of CATALOG) {
    for (let y = y0; y <= y1; y++) {
      const id = definitionId(make, model, y);
      definitions.push({ id, make, model, year: y, powertrain: pt, legacyId: '2' + bytesToHex(keccak_256(utf8ToBytes(id))).slice(0, 26).toUpperCase(),
        imageURI: `https://assets.dimo.xyz/device-definitions/${id}.png`, deviceType: 'vehicle' });
    }
  }

  const mkLicense = (tokenId, label, clientId, apiKey, alias, redirectURIs) => ({
    tokenId, clientId, alias, apiKey, owner: labelAddress(`${label} owner`), mintedAt: at(-30 + tokenId % 7),
    signers: [{ address: addressFromPrivateKey(apiKey), enabledAt: at(-29) }],
    redirectURIs: redirectURIs.map((uri) => ({ uri, enabledAt: at(-29) })),
  });
  const licenses = [
    mkLicense(42, 'main', MAIN_CLIENT_ID, MAIN_API_KEY, 'dimo-tray-test',
      ['https://example.com/callback', 'http://127.0.0.1/dimotray/callback', 'http://localhost:8765/callback']),
    mkLicense(43, 'second', labelAddress(`dimosim:${seed}:second license`), keyFor('second key'), 'dimo-tray-second',
      ['https://second.example.com/callback']),
    mkLicense(44, 'fleet', labelAddress(`dimosim:${seed}:fleet license`), keyFor('fleet key'), 'dimo-tray-fleet',
      ['https://fleet.example.com/callback']),
  ];
  const [main, second, fleet] = licenses;

  const users = [
    { name: 'Alice', email: 'alice@example.com' }, { name: 'Bob', email: null }, { name: 'Carol', email: null },
    { name: 'Fleet Ops', email: 'fleet@example.com' },
  ].map((u, i) => {
    const signerKey = keyFor(`user key ${u.name}`);
    return { ...u, index: i + 1, wallet: labelAddress(`dimosim:${seed}:user wallet ${u.name}`), signerKey, signer: addressFromPrivateKey(signerKey) };
  });
  const [alice, bob, carol, fleetOps] = users;

  const connections = ['Tesla', 'Smartcar', 'Motorq'].map((name, i) => ({
    name, tokenId: String(1n + BigInt(i)), address: labelAddress(`connection ${name}`), owner: labelAddress(`connection owner ${name}`),
    mintedAt: at(-200 + i), acceptsCommands: name === 'Tesla',
  }));
  const conn = (name) => connections.find((c) => c.name === name);

  const vehicles = [];
  const aftermarketDevices = [];
  const syntheticDevices = [];
  const sacds = [];
  let adId = 4321;
  let sdId = 9876;
  const addVehicle = (tokenId, owner, catalogIdx, year, device, grants) => {
    const [make, model, , pt, wmi] = CATALOG[catalogIdx];
    const city = CITIES[hash32(seed, 'city', tokenId) % CITIES.length];
    const v = {
      tokenId, owner: owner.wallet, make, model, year, definitionId: definitionId(make, model, year), powertrain: pt,
      mintedAt: at((tokenId % 1000) / 7), vin: makeVin(wmi, year, tokenId % 1000000), name: mnemonicName(seed, tokenId),
      home: [city[0] + (rand01(seed, 'lat', tokenId) - 0.5) * 0.1, city[1] + (rand01(seed, 'lon', tokenId) - 0.5) * 0.1],
      dailyKm: 20 + Math.floor(rnd() * 50), baseOdo: 5000 + Math.floor(rnd() * 60000), rangeKm: pt === 'ICE' ? 650 : 420,
      aftermarketDeviceId: null, syntheticDeviceId: null, connection: null,
      batteryKwh: make === 'Tesla' ? 82 : 77.4, tankLiters: pt === 'HEV' ? 55 : 70,
      // ms since the vehicle last reported (on top of the 20 s data lag); see `stale` below and /_control/last-seen
      offlineMs: device?.offlineHours ? device.offlineHours * 3600000 : 0,
      neverSeen: !!device?.neverSeen, // a device is paired but no data ever arrived (telemetry has nothing)
    };
    v.defaultOfflineMs = v.offlineMs;
    if (device && device.type === 'aftermarket') {
      const id = adId++;
      aftermarketDevices.push({ tokenId: id, address: labelAddress(`ad ${seed} ${id}`), owner: owner.wallet, beneficiary: owner.wallet,
        serial: device.serial || `${hash32(seed, 'serial', id).toString(16)}-3b2d-4e7a-9c61-${tokenId.toString(16).padStart(12, '0')}`,
        imei: device.maker === 'Hashdog' ? `35${String(hash32(seed, 'imei', id)).padStart(13, '0')}` : null, devEUI: null,
        hardwareRevision: device.maker === 'AutoPi' ? '7.2' : null, manufacturer: device.maker, mintedAt: at(-100), claimedAt: at(-99),
        pairedAt: v.mintedAt, vehicleId: tokenId, name: mnemonicName(seed, 'ad' + id) });
      v.aftermarketDeviceId = id;
    } else if (device && device.type === 'synthetic') {
      const id = sdId++;
      syntheticDevices.push({ tokenId: id, address: labelAddress(`sd ${seed} ${id}`), mintedAt: v.mintedAt, vehicleId: tokenId,
        connection: device.connection, integrationId: 0, name: mnemonicName(seed, 'sd' + id),
        subscription: device.subscription || 'active', // tesla-oracle refuses commands when 'inactive'
        teslaStatus: device.teslaStatus || null }); // GET /v1/:id/status's action unless /_control/tesla-status sets one
      v.syntheticDeviceId = id;
      v.connection = device.connection;
    }
    for (const [license, ids, opts = {}] of grants) {
      sacds.push({ vehicleId: tokenId, grantee: license.clientId, permissions: permissionsHex(ids),
        source: `ipfs://bafkrei${bytesToHex(keccak_256(utf8ToBytes(`${seed}:${tokenId}:${license.clientId}`))).slice(0, 52)}`,
        createdAt: opts.createdAt || at(200 + (tokenId % 50)), expiresAt: opts.expiresAt || iso(FAR_FUTURE),
        // the cloud-event types the grant's SACD document allows (token exchange checks requested cloud events
        // against the document only); `legacy`: a grant without a document (only per-privilege bits)
        events: opts.events || ['*'], legacy: !!opts.legacy });
    }
    vehicles.push(v);
    return v;
  };
  const all6 = [1, 2, 3, 4, 5, 6];
  const tesla = { type: 'synthetic', connection: 'Tesla' };
  const smartcar = { type: 'synthetic', connection: 'Smartcar' };
  // a grant that expires in 4-5 days (relative to the start day: "expiring soon" needs the real clock)
  const soon = iso(Math.floor(Date.now() / 86400000) * 86400000 + 5 * 86400000);
  addVehicle(24556, carol, 11, 2021, smartcar, [[main, all6, { expiresAt: soon }]]);
  addVehicle(24557, bob, 10, 2020, { type: 'aftermarket', maker: 'AutoPi' }, [[main, [1], { legacy: true }]]);
  addVehicle(24558, alice, 9, 2023, { type: 'aftermarket', maker: 'Hashdog', offlineHours: 26 }, [[main, all6]]); // stale
  addVehicle(24559, carol, 3, 2021, { type: 'synthetic', connection: 'Motorq', neverSeen: true }, [[main, [1, 4, 5]]]); // no data ever
  addVehicle(24560, alice, 8, 2019, { type: 'aftermarket', maker: 'AutoPi' }, [[main, all6, { createdAt: at(10), expiresAt: at(40) }]]);
  addVehicle(24561, bob, 1, 2022, { ...tesla, teslaStatus: 'update_firmware' }, [[main, [1, 3, 4, 5, 6]]]);
  addVehicle(24562, carol, 7, 2019, { type: 'aftermarket', maker: 'AutoPi' }, [[main, [1, 2, 3, 4, 5, 6, 7, 8]]]);
  addVehicle(24563, carol, 6, 2022, smartcar, [[main, [1, 4], { events: [] }]]); // shared without attestations
  addVehicle(24564, bob, 5, 2023, smartcar, [[second, all6]]);
  addVehicle(24565, bob, 4, 2022, smartcar, [[main, [1, 2, 5, 6]]]);
  addVehicle(24566, alice, 2, 2021, { type: 'aftermarket', maker: 'AutoPi', serial: '5c9e8a1f-3b2d-4e7a-9c61-0d4f2b8e7a13' },
    [[main, [1, 3, 4, 5, 6]], [second, [1]]]);
  addVehicle(24567, alice, 0, 2023, tesla, [[main, all6], [second, [1, 4]]]);
  for (let i = 1; i <= 250; i++) {
    const c = i % CATALOG.length;
    const [, , [y0, y1]] = CATALOG[c];
    // Teslas connect through Tesla (tesla-oracle takes their commands); two thirds of the others through Smartcar
    const device = CATALOG[c][0] === 'Tesla' ? tesla : (i % 3 !== 2 ? smartcar : null);
    addVehicle(100000 + i, fleetOps, c, y0 + (i % (y1 - y0 + 1)), device, [[fleet, all6]]);
  }
  // Added last so that the random draws of the vehicles above stay as they were.
  addVehicle(24555, alice, 1, 2023, { ...tesla, subscription: 'inactive' }, [[main, all6]]);
  vehicles.sort((a, b) => b.tokenId - a.tokenId); // descending, as Identity orders
  const byId = new Map(vehicles.map((v) => [v.tokenId, v]));
  return {
    seed, manufacturers, mfr, definitions, licenses, users, connections, conn, vehicles, byId,
    aftermarketDevices, syntheticDevices, sacds,
    ids: { tesla: 24567, ice: 24566, noLocation: 24565, notShared: 24564, expired: 24560, teslaNoCommands: 24561, all8: 24562,
      stale: 24558, teslaInactiveSubscription: 24555, commandsNoTesla: 24565, expiringSoon: 24556, neverSeen: 24559,
      teslaOldFirmware: 24561 },
    main, second, fleet, checksumAddress,
  };
}

/** SACDs active at `nowMs`. */
export const activeSacds = (fx, tokenId, nowMs) =>
  fx.sacds.filter((s) => s.vehicleId === tokenId && Date.parse(s.expiresAt) > nowMs);
