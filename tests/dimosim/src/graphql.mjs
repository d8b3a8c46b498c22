// gqlgen-like HTTP transport over graphql-js: 422 for parse/validation, 200 + errors[] for execution.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, execute, specifiedRules, GraphQLError, Kind } from 'graphql';
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

/**
 * gqlgen's fixed complexity (telemetry-api limits it to 100): every selected field costs 1 plus its
 * children, fragments are inlined, `__schema` is free. Computed for the operation that would run.
 */
export function operationComplexity(doc, operationName) {
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : null;
  if (!op) return 0; // execution reports the missing operation
  const fragments = new Map(doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const walk = (set, depth) => {
    let total = 0;
    for (const sel of set?.selections || []) {
      if (depth > 50) break;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value !== '__schema') total += 1 + walk(sel.selectionSet, depth + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) total += walk(sel.selectionSet, depth + 1);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) total += walk(fragments.get(sel.name.value)?.selectionSet, depth + 1);
    }
    return total;
  };
  return walk(op.selectionSet, 0);
}

/** Executes a GraphQL request (already transport-checked). `complexityLimit`: a number or null (none). */
export async function runGraphql(schema, params, res, { rootValue, contextValue, complexityLimit = null }) {
  const query = params.query;
  if (typeof query !== 'string' || query.trim() === '') {
    return sendJson(res, 422, { errors: [{ message: 'no operation provided', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }], data: null });
  }
  const p = parseCached(schema, query);
  if (p.parseError) return sendJson(res, 422, { errors: [fmtValidation(p.parseError, 'GRAPHQL_PARSE_FAILED')], data: null });
  if (p.errors.length) return sendJson(res, 422, { errors: p.errors.map((e) => fmtValidation(e, 'GRAPHQL_VALIDATION_FAILED')), data: null });
  if (complexityLimit != null) {
    const complexity = operationComplexity(p.doc, params.operationName);
    if (complexity > complexityLimit) {
      return sendJson(res, 422, { errors: [{ message: `operation has complexity ${complexity}, which exceeds the limit of ${complexityLimit}`,
        extensions: { code: 'COMPLEXITY_LIMIT_EXCEEDED' } }], data: null });
    }
  }
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
