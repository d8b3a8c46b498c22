// Ethereum helpers: Keccak-256, EIP-55 checksums, EIP-191 personal_sign digest and recovery.
import { secp256k1 } from '@noble/curves/secp256k1';
import { keccak_256 } from '@noble/hashes/sha3';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

export const keccakHex = (bytes) => bytesToHex(keccak_256(bytes));

export function checksumAddress(addr) {
  const lower = addr.toLowerCase().replace(/^0x/, '');
  const hash = keccakHex(utf8ToBytes(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  return out;
}

export const isAddress = (s) => typeof s === 'string' && /^0x[0-9a-fA-F]{40}$/.test(s);
export const sameAddress = (a, b) => isAddress(a) && isAddress(b) && a.toLowerCase() === b.toLowerCase();

export function addressFromPrivateKey(privHex) {
  const pub = secp256k1.getPublicKey(hexToBytes(privHex.replace(/^0x/, '')), false);
  return checksumAddress('0x' + keccakHex(pub.slice(1)).slice(-40));
}

/** Address derived from a label, like the examples' throwaway addresses. */
export const labelAddress = (label) => checksumAddress('0x' + keccakHex(utf8ToBytes(label)).slice(-40));

export function personalDigest(message) {
  const msg = utf8ToBytes(message);
  const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${msg.length}`);
  const all = new Uint8Array(prefix.length + msg.length);
  all.set(prefix); all.set(msg, prefix.length);
  return keccak_256(all);
}

/** Signs like web3.js/eth_account: low-s, v = 27 + recovery id, 0x-hex r||s||v. */
export function personalSign(message, privHex) {
  const sig = secp256k1.sign(personalDigest(message), hexToBytes(privHex.replace(/^0x/, '')), { lowS: true });
  return '0x' + sig.toCompactHex() + (27 + sig.recovery).toString(16);
}

/**
 * Recovers the signer of a personal_sign signature.
 * Returns {address, v, lowS} or null for malformed input.
 */
export function recoverPersonal(message, sigHex) {
  if (typeof sigHex !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(sigHex)) return null;
  const bytes = hexToBytes(sigHex.slice(2));
  let v = bytes[64];
  const origV = v;
  if (v === 27 || v === 28) v -= 27;
  if (v !== 0 && v !== 1) return null;
  try {
    const sig = secp256k1.Signature.fromCompact(bytes.slice(0, 64)).addRecoveryBit(v);
    const lowS = !sig.hasHighS();
    const pub = sig.recoverPublicKey(personalDigest(message)).toRawBytes(false);
    return { address: checksumAddress('0x' + keccakHex(pub.slice(1)).slice(-40)), v: origV, lowS };
  } catch {
    return null;
  }
}
