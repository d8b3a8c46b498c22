// Maintenance tool (not used at runtime): prints a SUBSET of DIMO's real SDL
// (descriptions and codegen/MCP directives stripped) for the whitelist below.
// Usage: node tools/subset-schema.mjs identity|telemetry > schema/<name>.graphqls
// Reads ../shared/dimo-api/schema (or $DIMO_SHARED_DIR/dimo-api/schema).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print, Kind } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.DIMO_SHARED_DIR || resolve(here, '../../../../shared');
const which = process.argv[2];
const dir = join(shared, 'dimo-api/schema', which);
const sdl = readdirSync(dir).filter((f) => f.endsWith('.graphqls')).sort()
  .map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

const KEEP_DIRECTIVES = new Set(['requiresAllOfPrivileges', 'requiresOneOfPrivilege',
  'requiresVehicleToken', 'oneOf', 'deprecated']);
const conn = ['totalCount', 'edges', 'nodes', 'pageInfo'];
const edge = ['node', 'cursor'];
const WHITELIST = {
  identity: {
    Time: '*', Address: '*', BigInt: '*', BigDecimal: '*', PageInfo: '*', Node: '*',
    Query: ['node', 'vehicle', 'vehicles', 'aftermarketDevice', 'aftermarketDevices',
      'syntheticDevice', 'syntheticDevices', 'developerLicense', 'developerLicenses',
      'deviceDefinition', 'manufacturer', 'manufacturers', 'connection', 'connections', 'account'],
    VehiclesFilter: '*',
    Vehicle: ['id', 'tokenId', 'tokenDID', 'manufacturer', 'owner', 'mintedAt', 'aftermarketDevice',
      'sacds', 'sacd', 'syntheticDevice', 'definition', 'name', 'imageURI', 'image', 'dataURI'],
    Definition: '*', VehicleEdge: edge, VehicleConnection: conn,
    Sacd: ['grantee', 'permissions', 'source', 'createdAt', 'expiresAt'],
    SacdEdge: edge, SacdConnection: conn,
    AftermarketDevice: ['id', 'tokenId', 'tokenDID', 'manufacturer', 'address', 'owner', 'serial', 'imei',
      'devEUI', 'hardwareRevision', 'mintedAt', 'claimedAt', 'vehicle', 'beneficiary', 'name', 'image', 'pairedAt'],
    AftermarketDeviceBy: '*', AftermarketDevicesFilter: '*',
    AftermarketDeviceConnection: conn, AftermarketDeviceEdge: edge,
    SyntheticDevice: '*', SyntheticDeviceConnection: conn, SyntheticDeviceEdge: edge,
    SyntheticDevicesFilter: '*', SyntheticDeviceBy: '*',
    DeveloperLicense: '*', DeveloperLicenseConnection: conn, DeveloperLicenseFilterBy: '*',
    DeveloperLicenseBy: '*', DeveloperLicenseEdge: edge, Signer: '*', RedirectURI: '*',
    SignerConnection: conn, SignerEdge: edge, RedirectURIConnection: conn, RedirectURIEdge: edge,
    DeviceDefinition: '*', DeviceDefinitionAttribute: '*', DeviceDefinitionBy: '*',
    Manufacturer: ['id', 'tokenId', 'tokenDID', 'name', 'owner', 'tableId', 'mintedAt'],
    ManufacturerBy: '*', ManufacturerEdge: edge, ManufacturerConnection: conn,
    Connection: ['name', 'address', 'owner', 'tokenId', 'tokenDID', 'mintedAt'],
    ConnectionConnection: conn, ConnectionEdge: edge, ConnectionBy: '*',
    AccountBy: '*', Account: '*',
  },
  telemetry: {
    Time: '*', Address: '*', Uint64: '*', Privilege: '*',
    Query: ['signals', 'signalsLatest', 'availableSignals', 'signalsSnapshot', 'dataSummary',
      'vinVCLatest', 'events', 'attestations', 'segments', 'dailyActivity'],
    SignalAggregations: '*', SignalCollection: '*', LatestSignal: '*', SignalsSnapshotResponse: '*',
    DataSummary: '*', EventDataSummary: '*', SignalDataSummary: '*', FloatAggregation: '*',
    LocationAggregation: '*', StringAggregation: '*', SignalFloat: '*', SignalString: '*',
    SignalLocation: '*', SignalFilter: '*', SignalFloatFilter: '*', Location: '*',
    SignalAggregationValue: '*', EventCount: '*', SignalLocationFilter: '*', FilterLocation: '*',
    InCircleFilter: '*', StringValueFilter: '*', StringArrayFilter: '*', VINVC: '*', Event: '*',
    EventFilter: '*', Attestation: '*', AttestationFilter: '*', DetectionMechanism: '*',
    SegmentSignalRequest: '*', SegmentEventRequest: '*', DailyActivity: '*', SegmentConfig: '*',
    Segment: '*',
  },
}[which];

const doc = parse(sdl);
const merged = new Map();
const directiveDefs = [];
for (const def of doc.definitions) {
  if (def.kind === Kind.DIRECTIVE_DEFINITION) {
    if (KEEP_DIRECTIVES.has(def.name.value)) directiveDefs.push({ ...def, description: undefined });
    continue;
  }
  const name = def.name?.value;
  if (!name || !(name in WHITELIST)) continue;
  const base = merged.get(name);
  const kind = def.kind.replace('_EXTENSION', '_DEFINITION').replace('TypeExtension', 'TypeDefinition');
  if (!base) merged.set(name, { ...def, kind, fields: [...(def.fields || [])], values: def.values });
  else base.fields.push(...(def.fields || []));
}
const clean = (node) => ({
  ...node, description: undefined,
  directives: (node.directives || []).filter((d) => KEEP_DIRECTIVES.has(d.name.value)),
  arguments: node.arguments?.map(clean),
});
const out = [];
for (const [name, def] of merged) {
  const keep = WHITELIST[name];
  const fields = def.fields?.filter((f) => keep === '*' || keep.includes(f.name.value)).map(clean);
  out.push(clean({ ...def, kind: kindOf(def.kind), fields: def.fields ? fields : undefined,
    values: def.values?.map(clean) }));
}
function kindOf(k) {
  const map = { ObjectTypeExtension: Kind.OBJECT_TYPE_DEFINITION, InputObjectTypeExtension: Kind.INPUT_OBJECT_TYPE_DEFINITION };
  return map[k] || k;
}
const missing = Object.keys(WHITELIST).filter((n) => !merged.has(n));
if (missing.length) { console.error('missing types:', missing); process.exit(1); }
process.stdout.write(`# DIMO Tray simulator schema: a strict subset of DIMO's ${which} API SDL\n`
  + `# (${which === 'identity' ? 'identity-api v0.6.7' : 'telemetry-api v0.4.16'}), descriptions and codegen directives removed.\n`
  + '# Generated by tools/subset-schema.mjs; checked by test/contract.test.mjs.\n\n'
  + print({ kind: Kind.DOCUMENT, definitions: [...directiveDefs, ...out] }) + '\n');
