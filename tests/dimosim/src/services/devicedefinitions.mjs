// device-definitions-api: decode-vin (any auth JWT) and public search.
import { sendJson, send, parseJsonBody } from '../http.mjs';
import { fiberJwt } from './common.mjs';
import { CATALOG, definitionId } from '../fixtures.mjs';

const problem = (res, status, detail, title = 'An error occurred while processing your request.') =>
  sendJson(res, status, { type: 'https://tools.ietf.org/html/rfc7231#section-6.6.1', title, status, detail });
const YEARS = { H: 2017, J: 2018, K: 2019, L: 2020, M: 2021, N: 2022, P: 2023, R: 2024 };

export function devicedefinitionsService(sim) {
  const defs = sim.fx.definitions;
  const searchView = (d) => ({ id: d.id, legacy_ksuid: d.legacyId, name: `${d.year} ${d.make} ${d.model}`, make: d.make, model: d.model, year: d.year, imageUrl: d.imageURI });
  return async (r, res) => {
    if (r.path === '/device-definitions/decode-vin' && r.method === 'POST') {
      if (!fiberJwt(sim, sim.authJwt, r, res)) return;
      const p = parseJsonBody(r);
      if (!p.ok || !p.value || typeof p.value !== 'object' || typeof p.value.vin !== 'string') return problem(res, 400, "Couldn't parse request body.");
      const vin = p.value.vin.toUpperCase();
      const known = sim.fx.vehicles.find((v) => v.vin === vin);
      if (known) return sendJson(res, 200, { deviceDefinitionId: known.definitionId, newTransactionHash: '' });
      const entry = vin.length === 17 && CATALOG.find((c) => c[4] === vin.slice(0, 3));
      const year = YEARS[vin[9]];
      if (!entry || !year || year < entry[2][0] || year > entry[2][1]) return problem(res, 500, "Couldn't decode VIN.");
      return sendJson(res, 200, { deviceDefinitionId: definitionId(entry[0], entry[1], year), newTransactionHash: '' });
    }
    if (r.path === '/device-definitions/search' && r.method === 'GET') {
      const num = (k, def) => (r.query.has(k) ? (Number.parseInt(r.query.get(k), 10) || 0) : def);
      const q = (r.query.get('query') || '').toLowerCase().trim();
      const makeSlug = r.query.get('makeSlug');
      const modelSlug = r.query.get('modelSlug');
      const year = num('year', 0);
      const page = num('page', 1);
      const pageSize = num('pageSize', 20);
      const hits = defs.filter((d) => (!q || d.id === q || q.split(/\s+/).every((w) => String(d.year) === w || `${d.make} ${d.model}`.toLowerCase().split(/[\s-]+/).some((x) => x.startsWith(w))))
        && (!makeSlug || d.id.split('_')[0] === makeSlug) && (!modelSlug || d.id.split('_')[1] === modelSlug) && (!year || d.year === year))
        .sort((a, b) => a.make.localeCompare(b.make) || a.model.localeCompare(b.model) || b.year - a.year);
      const facet = (key) => { const m = new Map(); for (const d of hits) m.set(String(d[key]), (m.get(String(d[key])) || 0) + 1); return [...m].map(([name, count]) => ({ name, count })); };
      const start = Math.max(0, (page - 1) * pageSize);
      return sendJson(res, 200, { deviceDefinitions: pageSize > 0 ? hits.slice(start, start + pageSize).map(searchView) : [],
        facets: { makes: facet('make'), models: facet('model'), years: facet('year').sort((a, b) => Number(b.name) - Number(a.name)) },
        pagination: { page, pageSize, totalItems: hits.length, totalPages: pageSize > 0 ? Math.ceil(hits.length / pageSize) : 0 } });
    }
    const m = /^\/device-definitions\/([^/]+)$/.exec(r.path);
    if (m && r.method === 'GET') {
      const id = decodeURIComponent(m[1]);
      if (id.split('_').length !== 3) return problem(res, 400, `invalid id format: ${id}`, 'invalid id format');
      const d = defs.find((x) => x.id === id);
      if (!d) return problem(res, 404, `device definition not found: ${id}`);
      return sendJson(res, 200, { ...searchView(d), attributes: [{ name: 'powertrain_type', value: d.powertrain }] });
    }
    return send(res, 404, 'Cannot ' + r.method + ' ' + r.fullPath);
  };
}
