// identity-api: public GraphQL over the fixture graph (vehicles, devices, licenses, SACDs, definitions).
import { fileURLToPath } from 'node:url';
import { defaultFieldResolver, getNamedType, isObjectType } from 'graphql';
import { loadSchema, readGraphqlRequest, runGraphql, gqlError } from '../graphql.mjs';
import { send } from '../http.mjs';
import { checksumAddress, sameAddress } from '../eth.mjs';
import { activeSacds, permissionIds, did, slug, VEHICLE_NFT, AFTERMARKET_NFT, SYNTHETIC_NFT, MANUFACTURER_NFT, LICENSE_NFT, CONNECTION_NFT } from '../fixtures.mjs';

const schema = loadSchema(fileURLToPath(new URL('../../schema/identity.graphqls', import.meta.url)));
// Not-found answers as identity-api gives them (FIDELITY.md): no root answers a bare `null`.
const NO_ROWS = 'sql: no rows in result set';
const notFound = (message) => gqlError(message, { code: 'NOT_FOUND' });
const goQuote = (s) => JSON.stringify(String(s)); // Go's %q for the printable strings a test sends
const b64 = (s) => Buffer.from(String(s)).toString('base64');
const unb64 = (s) => Buffer.from(String(s), 'base64').toString('utf8');
function msgpackId(prefix, n) {
  const b = n < 128 ? [n] : n < 65536 ? [0xcd, n >> 8, n & 255] : [0xce, (n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  return prefix + Buffer.from([0x91, ...b]).toString('base64');
}

/** Relay pagination over items sorted by key descending; cursor = base64(key). */
export function paginate(items, args, keyOf, { required = true } = {}) {
  let { first, last } = args;
  const { after, before } = args;
  if (first == null && last == null) {
    if (required) throw new Error('provide `first` or `last`');
    first = 100;
  }
  if (first != null && last != null) throw new Error('pass `first` or `last`, but not both');
  for (const [name, v] of [['first', first], ['last', last]]) {
    if (v == null) continue;
    if (v < 0) throw new Error(`the value for \`${name}\` cannot be negative`);
    if (v > 100) throw new Error(`the value ${v} for \`${name}\` exceeds the limit 100`);
  }
  let list = items;
  if (after != null) { const k = Number(unb64(after)); list = list.filter((it) => keyOf(it) < k); }
  if (before != null) { const k = Number(unb64(before)); list = list.filter((it) => keyOf(it) > k); }
  let page;
  let hasNextPage = false;
  let hasPreviousPage = false;
  if (first != null) { page = list.slice(0, first); hasNextPage = list.length > first; hasPreviousPage = after != null && list.length < items.length; } else {
    page = list.slice(Math.max(0, list.length - last)); hasPreviousPage = list.length > last; hasNextPage = before != null && list.length < items.length;
  }
  const edges = page.map((node) => ({ node, cursor: b64(keyOf(node)) }));
  return { totalCount: items.length, edges, nodes: page, pageInfo: { startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null, hasPreviousPage, hasNextPage } };
}

/**
 * Defaults for everything the fixtures do not model (the schema is DIMO's complete Identity SDL):
 * a missing connection answers an empty connection (after DIMO's first/last checks), any other
 * missing field answers null (graphql-js's default; the model fills every non-null field).
 */
function installDefaults(s) {
  for (const type of Object.values(s.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (field.resolve || !isObjectType(named) || !named.name.endsWith('Connection')) continue;
      const topLevel = type.name === 'Query';
      field.resolve = (src, args, ctx, info) => {
        const v = defaultFieldResolver(src, args, ctx, info);
        if (v !== undefined) return v;
        return paginate([], args, () => 0, { required: topLevel && field.args.some((a) => a.name === 'first') });
      };
    }
  }
  return s;
}
installDefaults(schema);

export function identityModel(sim) {
  const fx = sim.fx;
  const mfrView = (m) => m && { __typename: 'Manufacturer', id: msgpackId('M_', m.tokenId), tokenId: m.tokenId, tokenDID: did(MANUFACTURER_NFT, m.tokenId),
    name: m.name, owner: m.owner, tableId: m.tableId, mintedAt: m.mintedAt,
    aftermarketDevices: (args) => root.aftermarketDevices({ ...args, filterBy: { ...args.filterBy, manufacturerId: m.tokenId } }),
    deviceDefinitions: (args) => {
      const f = args.filterBy || {};
      const list = fx.definitions.map((d, i) => ({ d, key: i + 1 })).filter(({ d }) => d.make === m.name
        && (f.model == null || d.model === f.model) && (f.year == null || d.year === f.year)).reverse();
      return mapConn(paginate(list, args, (x) => x.key, { required: false }), (x) => defView(x.d));
    } };
  const connView = (c) => c && { name: c.name, address: c.address, owner: c.owner, tokenId: c.tokenId, tokenDID: did(CONNECTION_NFT, c.tokenId), mintedAt: c.mintedAt };
  const sacdView = (s) => ({ grantee: s.grantee, permissions: s.permissions, source: s.source, createdAt: s.createdAt, expiresAt: s.expiresAt });
  // A legacy grant (per-privilege rows, no SACD document) is not a SACD: identity-api reads `sacd`/`sacds`
  // from vehicle_sacds and `privileges` from the privileges table (IA vehiclesacd.go l.263-277,
  // vehicleprivilege/vehicle_privileges.go l.85-108: unexpired rows, filterBy user / privilegeId).
  const sacdsOf = (tokenId) => activeSacds(fx, tokenId, sim.now()).filter((s) => !s.legacy).map((s, i) => ({ ...s, key: i + 1 })).reverse();
  const privilegesOf = (tokenId, f = {}) => activeSacds(fx, tokenId, sim.now()).filter((s) => s.legacy && (f.user == null || sameAddress(s.grantee, f.user)))
    .flatMap((s) => permissionIds(s.permissions).filter((id) => f.privilegeId == null || id === f.privilegeId)
      .map((id) => ({ id, user: s.grantee, setAt: s.createdAt, expiresAt: s.expiresAt })))
    .map((p, i) => ({ ...p, key: i + 1 }));
  const adView = (d) => d && { __typename: 'AftermarketDevice', id: msgpackId('AD_', d.tokenId), tokenId: d.tokenId, tokenDID: did(AFTERMARKET_NFT, d.tokenId),
    manufacturer: mfrView(fx.mfr(d.manufacturer)), address: d.address, owner: d.owner, serial: d.serial, imei: d.imei, devEUI: d.devEUI,
    hardwareRevision: d.hardwareRevision, mintedAt: d.mintedAt, claimedAt: d.claimedAt, beneficiary: d.beneficiary, name: d.name,
    image: `https://assets.dimo.xyz/aftermarket/${d.tokenId}/image`, pairedAt: d.vehicleId ? d.pairedAt : null,
    vehicle: () => vView(fx.byId.get(d.vehicleId)) };
  const sdView = (d) => d && { __typename: 'SyntheticDevice', id: msgpackId('S_', d.tokenId), name: d.name, tokenId: d.tokenId, tokenDID: did(SYNTHETIC_NFT, d.tokenId),
    integrationId: d.integrationId, address: d.address, mintedAt: d.mintedAt, vehicle: () => vView(fx.byId.get(d.vehicleId)),
    connection: () => connView(fx.conn(d.connection)) };
  const vView = (v) => v && {
    __typename: 'Vehicle', id: msgpackId('V_', v.tokenId), tokenId: v.tokenId, tokenDID: did(VEHICLE_NFT, v.tokenId),
    manufacturer: () => mfrView(fx.mfr(v.make)), owner: v.owner, mintedAt: v.mintedAt,
    aftermarketDevice: () => adView(fx.aftermarketDevices.find((d) => d.tokenId === v.aftermarketDeviceId)),
    syntheticDevice: () => sdView(fx.syntheticDevices.find((d) => d.tokenId === v.syntheticDeviceId)),
    sacds: (args) => { const p = paginate(sacdsOf(v.tokenId), args, (s) => s.key, { required: false }); p.nodes = p.nodes.map(sacdView); p.edges = p.edges.map((e) => ({ ...e, node: sacdView(e.node) })); return p; },
    sacd: ({ grantee }) => { const s = sacdsOf(v.tokenId).find((x) => sameAddress(x.grantee, grantee)); return s ? sacdView(s) : null; },
    privileges: (args) => { const p = paginate(privilegesOf(v.tokenId, args.filterBy || {}), args, (x) => x.key, { required: false }); p.nodes = p.nodes.map(({ key, ...x }) => x); p.edges = p.edges.map((e) => ({ ...e, node: (({ key, ...x }) => x)(e.node) })); return p; },
    definition: { id: v.definitionId, make: v.make, model: v.model, year: v.year }, name: v.name,
    imageURI: `https://assets.dimo.xyz/vehicle/${v.tokenId}/image`, image: `https://assets.dimo.xyz/vehicle/${v.tokenId}/image`,
    dataURI: `${sim.urls.telemetry}/query`,
  };
  const licView = (l) => l && { tokenId: l.tokenId, tokenDID: did(LICENSE_NFT, l.tokenId), owner: l.owner, clientId: l.clientId, alias: l.alias,
    mintedAt: l.mintedAt,
    signers: (a) => paginate(l.signers.map((s, i) => ({ ...s, key: i + 1 })).reverse(), a, (s) => s.key, { required: false }),
    redirectURIs: (a) => paginate(l.redirectURIs.map((s, i) => ({ ...s, key: i + 1 })).reverse(), a, (s) => s.key, { required: false }) };
  const defView = (d) => d && { deviceDefinitionId: d.id, legacyId: d.legacyId, manufacturer: mfrView(fx.mfr(d.make)), model: d.model, year: d.year,
    deviceType: d.deviceType, imageURI: d.imageURI, attributes: [{ name: 'powertrain_type', value: d.powertrain }] };
  const mapConn = (p, view) => ({ ...p, nodes: p.nodes.map(view), edges: p.edges.map((e) => ({ ...e, node: view(e.node) })) });
  const tokenIdFromDid = (s) => { const m = /:(\d+)$/.exec(String(s)); return m ? Number(m[1]) : NaN; };

  const root = {
    node: ({ id }) => {
      const m = /^(V|AD|S|M)_(.+)$/.exec(id);
      if (!m) return null;
      const b = Buffer.from(m[2], 'base64');
      const n = b.length === 2 ? b[1] : b.length === 4 ? b.readUInt16BE(2) : b.length === 6 ? b.readUInt32BE(2) : -1;
      if (m[1] === 'V') return vView(fx.byId.get(n));
      if (m[1] === 'AD') return adView(fx.aftermarketDevices.find((d) => d.tokenId === n));
      if (m[1] === 'S') return sdView(fx.syntheticDevices.find((d) => d.tokenId === n));
      return mfrView(fx.manufacturers.find((x) => x.tokenId === n));
    },
    vehicle: ({ tokenId, tokenDID }) => {
      if ((tokenId == null) === (tokenDID == null)) throw new Error('provide exactly one of `tokenID` or `tokenDID`');
      const id = tokenId ?? tokenIdFromDid(tokenDID);
      const v = fx.byId.get(id);
      if (!v) throw notFound(tokenId != null ? `No vehicle with token id ${tokenId}.` : `No vehicle with DID ${goQuote(tokenDID)}.`);
      return vView(v);
    },
    vehicles: (args) => {
      const f = args.filterBy || {};
      const now = sim.now();
      const list = fx.vehicles.filter((v) => (f.owner == null || sameAddress(v.owner, f.owner))
        && (f.privileged == null || sameAddress(v.owner, f.privileged) || activeSacds(fx, v.tokenId, now).some((s) => sameAddress(s.grantee, f.privileged)))
        && (f.make == null || v.make === f.make) && (f.model == null || v.model === f.model) && (f.year == null || v.year === f.year)
        && (f.manufacturerTokenId == null || fx.mfr(v.make).tokenId === f.manufacturerTokenId)
        && (f.deviceDefinitionId == null || v.definitionId === f.deviceDefinitionId)
        && (f.connection == null || (v.connection && sameAddress(fx.conn(v.connection).address, f.connection))));
      return mapConn(paginate(list, args, (v) => v.tokenId), vView);
    },
    aftermarketDevice: ({ by }) => {
      const d = fx.aftermarketDevices.find((x) => (by.tokenId != null && x.tokenId === by.tokenId) || (by.tokenDID != null && x.tokenId === tokenIdFromDid(by.tokenDID))
        || (by.address != null && sameAddress(x.address, by.address)) || (by.serial != null && x.serial === by.serial) || (by.imei != null && x.imei === by.imei));
      if (!d) throw new Error(NO_ROWS); // the repository passes sqlboiler's sql.ErrNoRows through
      return adView(d);
    },
    aftermarketDevices: (args) => {
      const f = args.filterBy || {};
      const list = [...fx.aftermarketDevices].sort((a, b) => b.tokenId - a.tokenId).filter((d) => (f.owner == null || sameAddress(d.owner, f.owner))
        && (f.beneficiary == null || sameAddress(d.beneficiary, f.beneficiary)) && (f.manufacturerId == null || fx.mfr(d.manufacturer).tokenId === f.manufacturerId));
      return mapConn(paginate(list, args, (d) => d.tokenId), adView);
    },
    syntheticDevice: ({ by }) => {
      const d = fx.syntheticDevices.find((x) => (by.tokenId != null && x.tokenId === by.tokenId) || (by.tokenDID != null && x.tokenId === tokenIdFromDid(by.tokenDID))
        || (by.address != null && sameAddress(x.address, by.address)));
      if (!d) throw notFound(by.address != null ? `No synthetic device with address ${checksumAddress(by.address)}.` : by.tokenId != null ? `No synthetic device with token id ${by.tokenId}.` : '');
      return sdView(d);
    },
    syntheticDevices: (args) => {
      const f = args.filterBy || {};
      const list = [...fx.syntheticDevices].sort((a, b) => b.tokenId - a.tokenId).filter((d) => (f.owner == null || sameAddress(fx.byId.get(d.vehicleId).owner, f.owner))
        && (f.integrationId == null || d.integrationId === f.integrationId));
      return mapConn(paginate(list, args, (d) => d.tokenId), sdView);
    },
    developerLicense: ({ by }) => {
      const l = fx.licenses.find((x) => (by.clientId != null && sameAddress(x.clientId, by.clientId)) || (by.alias != null && x.alias === by.alias)
        || (by.tokenId != null && x.tokenId === by.tokenId) || (by.tokenDID != null && x.tokenId === tokenIdFromDid(by.tokenDID)));
      if (!l) {
        throw notFound('No developer license with ' + (by.tokenId != null ? `token id ${by.tokenId}.` : by.clientId != null ? `client id ${checksumAddress(by.clientId)}.`
          : by.alias != null ? `alias ${goQuote(by.alias)}.` : ''));
      }
      return licView(l);
    },
    developerLicenses: (args) => {
      const f = args.filterBy || {};
      const list = [...fx.licenses].sort((a, b) => b.tokenId - a.tokenId).filter((l) => (f.owner == null || sameAddress(l.owner, f.owner))
        && (f.signer == null || l.signers.some((s) => sameAddress(s.address, f.signer))));
      return mapConn(paginate(list, args, (l) => l.tokenId), licView);
    },
    deviceDefinition: ({ by }) => {
      if (!by.id) throw new Error('Provide an `id`.');
      if (!by.id.includes('_')) throw new Error('The `ID` is incorrect.');
      if (!fx.manufacturers.some((m) => slug(m.name) === by.id.split('_')[0])) throw new Error(NO_ROWS); // manufacturer by slug
      const d = fx.definitions.find((x) => x.id === by.id);
      if (!d) throw new Error('no device definition found with that id');
      return defView(d);
    },
    manufacturer: ({ by }) => {
      const m = fx.manufacturers.find((x) => x.name === by.name || x.tokenId === by.tokenId || (by.slug != null && x.name.toLowerCase().replace(/ /g, '-') === by.slug));
      if (!m) throw new Error(NO_ROWS);
      return mfrView(m);
    },
    manufacturers: () => { const all = [...fx.manufacturers].sort((a, b) => a.name.localeCompare(b.name)).map(mfrView);
      return { totalCount: all.length, nodes: all, edges: all.map((n) => ({ node: n, cursor: b64(n.tokenId) })), pageInfo: { startCursor: null, endCursor: null, hasPreviousPage: false, hasNextPage: false } }; },
    connection: ({ by }) => {
      const c = fx.connections.find((x) => x.name === by.name || (by.address != null && sameAddress(x.address, by.address)) || (by.tokenId != null && x.tokenId === String(by.tokenId)));
      if (!c) {
        throw notFound('No connection with ' + (by.name != null ? `name ${goQuote(by.name)}.` : by.tokenId != null ? `token id ${by.tokenId}.`
          : by.address != null ? `address ${checksumAddress(by.address)}.` : ''));
      }
      return connView(c);
    },
    connections: (args) => mapConn(paginate([...fx.connections].reverse(), args, (c) => Number(c.tokenId)), connView),
    // Not modelled by the fixtures: lookups by key answer what identity-api answers for a missing row
    // (dcn: sql.ErrNoRows passed through; template: repositories.ErrNotFound unwrapped), lists are empty.
    dcn: () => { throw new Error(NO_ROWS); },
    template: () => { throw new Error('not found'); },
    rewards: () => ({ totalTokens: '0' }),
    account: ({ by }) => ({ address: by.address, sacds: (a) => paginate([], a, (s) => s.key, { required: false }) }),
  };
  return root;
}

export function identityService(sim) {
  const rootValue = identityModel(sim);
  return async (r, res) => {
    if (r.path === '/' && r.method === 'GET') return send(res, 200, '<!DOCTYPE html><html><body>GraphQL playground (dimosim identity)</body></html>', 'text/html');
    if (r.path !== '/query') return send(res, 404, '404 page not found\n');
    const params = readGraphqlRequest(r, res);
    if (!params) return;
    return runGraphql(schema, params, res, { rootValue, contextValue: {} });
  };
}
export { schema as identitySchema };
