// RS256 JWT issuer/verifier with a JWKS, single generation-based revocation.
import { generateKeyPair, createSign, createVerify, createHash } from 'node:crypto';
import { promisify } from 'node:util';

const generateRsa = promisify(generateKeyPair);

const b64u = (buf) => Buffer.from(buf).toString('base64url');

export class JwtIssuer {
  /** A new issuer with a fresh RSA key, generated off the main thread (start-up time). */
  static async create(label) {
    return new JwtIssuer(label, await generateRsa('rsa', { modulusLength: 2048 }));
  }

  /** @param {string} label used to derive a stable-looking kid */
  constructor(label, { privateKey, publicKey }) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.kid = createHash('sha1').update(label + publicKey.export({ format: 'der', type: 'spki' }).toString('hex')).digest('hex');
    this.issued = new Map(); // signature -> generation
    this.generation = 0;
  }

  sign(payload) {
    const head = b64u(JSON.stringify({ alg: 'RS256', kid: this.kid, typ: 'JWT' }));
    const body = b64u(JSON.stringify(payload));
    const sig = b64u(createSign('RSA-SHA256').update(`${head}.${body}`).sign(this.privateKey));
    this.issued.set(sig, this.generation);
    return `${head}.${body}.${sig}`;
  }

  /** Invalidates every token issued so far. */
  revokeAll() {
    this.generation++;
    this.issued.clear();
  }

  /**
   * Verifies signature, issuance by this process (current generation) and exp/nbf.
   * @returns {{ok: true, claims: object} | {ok: false, reason: string}}
   */
  verify(token, nowSec) {
    if (typeof token !== 'string') return { ok: false, reason: 'malformed' };
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    let header, claims;
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (header?.alg !== 'RS256' || !claims || typeof claims !== 'object') return { ok: false, reason: 'alg' };
    let good = false;
    try {
      good = createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(this.publicKey, Buffer.from(parts[2], 'base64url'));
    } catch { good = false; }
    if (!good) return { ok: false, reason: 'signature' };
    if (this.issued.get(parts[2]) !== this.generation) return { ok: false, reason: 'revoked' };
    if (typeof claims.exp !== 'number' || claims.exp <= nowSec) return { ok: false, reason: 'expired' };
    if (typeof claims.nbf === 'number' && claims.nbf > nowSec) return { ok: false, reason: 'nbf' };
    return { ok: true, claims };
  }

  jwk() {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { use: 'sig', kty: 'RSA', kid: this.kid, alg: 'RS256', n: jwk.n, e: jwk.e };
  }
}

/** Dex subject: base64url(protobuf {1: userId, 2: connId}). */
export function dexSubject(userId, connId = 'web3') {
  const u = Buffer.from(userId, 'utf8');
  const c = Buffer.from(connId, 'utf8');
  return Buffer.concat([Buffer.from([0x0a, u.length]), u, Buffer.from([0x12, c.length]), c]).toString('base64url');
}

/** Decodes a Dex subject; returns {userId, connId} or null. */
export function decodeDexSubject(sub) {
  try {
    const b = Buffer.from(sub, 'base64url');
    if (b[0] !== 0x0a) return null;
    const ul = b[1];
    const userId = b.subarray(2, 2 + ul).toString('utf8');
    if (b[2 + ul] !== 0x12) return null;
    const cl = b[3 + ul];
    return { userId, connId: b.subarray(4 + ul, 4 + ul + cl).toString('utf8') };
  } catch {
    return null;
  }
}

export function decodeUnverified(token) {
  try {
    return JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
