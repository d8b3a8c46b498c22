// gqlgen-like HTTP transport over graphql-js: 422 for parse/validation, 200 + errors[] for execution.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, execute, specifiedRules, GraphQLError } from 'graphql';
import { send, sendJson } from './http.mjs';

export function loadSchema(path) {
  return buildSchema(readFileSync(path, 'utf8'));
}

const docCache = new Map();
function parseCached(schema, query) {
  let hit = docCache.get(query);
  if (hit && hit.schema === schema) return hit;
  try {
    const doc = parse(query);
    const errors = validate(schema, doc, specifiedRules);
    hit = { schema, doc, errors, parseError: null };
  } catch (e) {
    hit = { schema, doc: null, errors: [], parseError: e };
  }
  if (docCache.size > 2000) docCache.clear();
  docCache.set(query, hit);
  return hit;
}

const fmtValidation = (e, code) => ({ message: e.message, ...(e.locations ? { locations: e.locations } : {}), extensions: { code } });
export const gqlError = (message, extensions) => new GraphQLError(message, { extensions });

/** Extracts {query, variables, operationName} from a POST (JSON) or GET request; answers errors itself. */
export function readGraphqlRequest(r, res) {
  let params;
  if (r.method === 'GET') {
    params = { query: r.query.get('query'), operationName: r.query.get('operationName') || undefined };
    const vars = r.query.get('variables');
    if (vars) {
      try { params.variables = JSON.parse(vars); } catch {
        sendJson(res, 400, { errors: [{ message: 'variables could not be decoded' }], data: null });
        return null;
      }
    }
  } else if (r.method === 'POST') {
    const type = (r.headers['content-type'] || '').toLowerCase();
    if (!type.startsWith('application/json') && !type.startsWith('application/graphql-response+json')) {
      sendJson(res, 400, { errors: [{ message: 'transport not supported' }], data: null });
      return null;
    }
    try {
      params = JSON.parse(r.bodyText);
      if (!params || typeof params !== 'object' || Array.isArray(params)) throw new Error('json: cannot unmarshal into Go value of type graphql.RawParams');
    } catch (e) {
      sendJson(res, 400, { errors: [{ message: `json request body could not be decoded: ${e.message}` }], data: null });
      return null;
    }
  } else {
    send(res, 405, '', 'text/plain', { Allow: 'GET, POST' });
    return null;
  }
  return params;
}

/** Executes a GraphQL request (already transport-checked). */
export async function runGraphql(schema, params, res, { rootValue, contextValue }) {
  const query = params.query;
  if (typeof query !== 'string' || query.trim() === '') {
    return sendJson(res, 422, { errors: [{ message: 'no operation provided', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }], data: null });
  }
  const p = parseCached(schema, query);
  if (p.parseError) return sendJson(res, 422, { errors: [fmtValidation(p.parseError, 'GRAPHQL_PARSE_FAILED')], data: null });
  if (p.errors.length) return sendJson(res, 422, { errors: p.errors.map((e) => fmtValidation(e, 'GRAPHQL_VALIDATION_FAILED')), data: null });
  const variables = params.variables && typeof params.variables === 'object' ? params.variables : {};
  const result = await execute({ schema, document: p.doc, rootValue, contextValue, variableValues: variables,
    operationName: params.operationName || undefined });
  const out = {};
  if (result.errors?.length) {
    const isVarError = !result.data && result.errors.every((e) => !e.path);
    if (isVarError) {
      return sendJson(res, 422, { errors: result.errors.map((e) => fmtValidation(e, 'GRAPHQL_VALIDATION_FAILED')), data: null });
    }
    out.errors = result.errors.map((e) => ({ message: e.message, path: e.path, ...(e.extensions && Object.keys(e.extensions).length ? { extensions: e.extensions } : {}) }));
  }
  out.data = result.data ?? null;
  return sendJson(res, 200, out);
}
