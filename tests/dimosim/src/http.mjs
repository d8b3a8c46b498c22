// HTTP core: prefix routing, body reading, request log, fault injection.
import http from 'node:http';

export const MAX_BODY = 4 * 1024 * 1024; // Fiber's default body limit
const LOG_CAP = 20000;
const LOG_BODY_CAP = 64 * 1024;

export function send(res, status, body, contentType, headers = {}) {
  if (res.writableEnded || res.destroyed) return;
  let data = body;
  let type = contentType;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
    data = JSON.stringify(body);
    type = type || 'application/json';
  }
  data = data === undefined || data === null ? '' : data;
  res.writeHead(status, { 'Content-Type': type || 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(data), ...headers });
  res.end(data);
}
/**
 * A `bodyBytes` fault: a JSON object of exactly that many bytes, {"data":{"filler":"xxx…"}}, streamed in
 * 64 KiB chunks as the client takes them (nothing close to the whole body is ever held); with
 * `contentLength: true` its length is declared up front, else it is chunked.
 */
function streamLargeBody(res, f) {
  const head = '{"data":{"filler":"';
  const tail = '"}}';
  const total = Math.max(f.bodyBytes, head.length + tail.length);
  const headers = { 'Content-Type': f.contentType || 'application/json' };
  if (f.contentLength) headers['Content-Length'] = String(total);
  res.writeHead(f.status || 200, headers);
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = total - head.length - tail.length;
  res.write(head);
  let sent = head.length;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      if (Number.isInteger(f.cutAfterBytes) && sent >= f.cutAfterBytes) { res.socket?.destroy(); return; }
      const n = Math.min(left, chunk.length);
      left -= n;
      sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) { res.once('drain', pump); return; }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

export const sendJson = (res, status, obj, headers) => send(res, status, obj, 'application/json', headers);
export const sendText = (res, status, text) => send(res, status, text, 'text/plain; charset=utf-8');

export function parseFormOrQuery(r) {
  const out = new URLSearchParams(r.query);
  const type = (r.headers['content-type'] || '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(r.bodyText)) out.append(k, v);
  }
  return out;
}
export function parseForm(r) {
  const type = (r.headers['content-type'] || '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(r.bodyText) : new URLSearchParams();
}
export function parseJsonBody(r) {
  try {
    return { ok: true, value: JSON.parse(r.bodyText) };
  } catch {
    return { ok: false };
  }
}

/** Matches a fault/route path spec: exact, "prefix*", or "^regex". */
export function pathMatches(spec, path) {
  if (spec === undefined || spec === null || spec === '' || spec === '*') return true;
  if (spec.startsWith('^')) {
    try { return new RegExp(spec).test(path); } catch { return false; }
  }
  if (spec.endsWith('*')) return path.startsWith(spec.slice(0, -1));
  return spec === path;
}

export class SimHttp {
  constructor(state, { verbose = false } = {}) {
    this.state = state; // shared sim state (faults, log, services, control)
    this.verbose = verbose;
    this.hung = new Set();
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    this.server.keepAliveTimeout = 5000;
    this.server.on('clientError', (err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
  }

  listen(port) {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve(this.server.address().port));
    });
  }

  releaseHung() {
    for (const res of this.hung) res.socket?.destroy();
    this.hung.clear();
  }

  close() {
    this.releaseHung();
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  route(pathname) {
    if (pathname === '/_control' || pathname.startsWith('/_control/')) return { service: '_control', prefix: '/_control' };
    for (const svc of this.state.services) {
      if (pathname === svc.prefix || pathname.startsWith(svc.prefix + '/')) return { service: svc.name, prefix: svc.prefix, svc };
    }
    return null;
  }

  onRequest(req, res) {
    const started = Date.now();
    let url;
    try {
      url = new URL(req.url, 'http://127.0.0.1');
    } catch {
      return sendText(res, 400, 'Bad Request');
    }
    const match = this.route(url.pathname);
    const chunks = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c) => {
      if (tooBig) return;
      size += c.length;
      if (size > MAX_BODY) { tooBig = true; chunks.length = 0; return; }
      chunks.push(c);
    });
    req.on('error', () => {});
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const r = {
        service: match?.service || null,
        method: req.method,
        path: match ? url.pathname.slice(match.prefix.length) || '/' : url.pathname,
        fullPath: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        bodyText: body.toString('utf8'),
        url,
      };
      let entry = null;
      if (match?.service !== '_control') {
        entry = {
          id: this.state.log.nextId++, service: r.service, method: r.method, path: r.path, fullPath: r.fullPath,
          query: Object.fromEntries(url.searchParams), headers: { ...req.headers },
          body: r.bodyText.length > LOG_BODY_CAP ? r.bodyText.slice(0, LOG_BODY_CAP) : r.bodyText,
          bodyTruncated: r.bodyText.length > LOG_BODY_CAP || tooBig, bodySize: size,
          status: null, time: new Date(started).toISOString(), durationMs: null,
        };
        this.state.log.entries.push(entry);
        if (this.state.log.entries.length > LOG_CAP) this.state.log.entries.shift();
      }
      res.on('finish', () => {
        if (entry) { entry.status = res.statusCode; entry.durationMs = Date.now() - started; }
        if (this.verbose) process.stderr.write(`[dimosim] ${req.method} ${req.url} -> ${res.statusCode} (${Date.now() - started} ms)\n`);
      });
      res.on('close', () => {
        if (entry && entry.status === null) entry.status = res.writableFinished ? res.statusCode : 0;
      });
      this.dispatch(r, res, match, tooBig).catch((err) => {
        process.stderr.write(`[dimosim] handler error: ${err?.stack || err}\n`);
        send(res, 500, 'Internal Server Error');
      });
    });
  }

  async dispatch(r, res, match, tooBig) {
    if (!match) return sendText(res, 404, 'Cannot ' + r.method + ' ' + r.fullPath);
    if (match.service === '_control') return this.state.control(r, res);
    if (tooBig) {
      res.setHeader('Connection', 'close');
      return sendText(res, 413, 'Request Entity Too Large');
    }
    const fault = this.takeFault(r);
    if (fault) {
      const handled = await this.applyFault(fault, r, res);
      if (handled) return;
    }
    return match.svc.handle(r, res);
  }

  takeFault(r) {
    const faults = this.state.faults;
    for (const f of faults) {
      if (f.service && f.service !== '*' && f.service !== r.service) continue;
      if (f.method && f.method.toUpperCase() !== r.method) continue;
      if (!pathMatches(f.path, r.path)) continue;
      if (f.remaining !== null) {
        f.remaining--;
        if (f.remaining <= 0) faults.splice(faults.indexOf(f), 1);
      }
      f.hits++;
      return f;
    }
    return null;
  }

  /** @returns true if the fault produced the response itself. */
  async applyFault(f, r, res) {
    if (f.delayMs) await new Promise((ok) => setTimeout(ok, f.delayMs));
    if (f.drop) { res.socket?.destroy(); return true; }
    if (f.hang) { this.hung.add(res); res.on('close', () => this.hung.delete(res)); return true; }
    if (f.retryAfter !== undefined && f.retryAfter !== null) {
      const body = f.body ?? { code: 429, message: 'Too Many Requests' };
      send(res, f.status || 429, body, f.contentType, { 'Retry-After': String(f.retryAfter) });
      return true;
    }
    if (Number.isInteger(f.bodyBytes) && f.bodyBytes > 0) { streamLargeBody(res, f); return true; }
    if (f.malformed) {
      send(res, f.status || 200, '{"data": {"vehicle": {"tokenId": 1,', f.contentType || 'application/json');
      return true;
    }
    if (f.status || f.body !== undefined) {
      send(res, f.status || 200, f.body ?? '', f.contentType);
      return true;
    }
    if (f.contentType) {
      // `contentType` alone: the real handler's answer under another Content-Type (DIMO's dex
      // may send its JSON challenge as text/plain; FIDELITY.md, the generate_challenge row).
      const writeHead = res.writeHead.bind(res);
      res.writeHead = (status, headers = {}) => writeHead(status, { ...headers, 'Content-Type': f.contentType });
    }
    return false; // pure delay or content type: fall through to the real handler
  }
}
