/**
 * The recipe of the company do-not-call list, so an organisation can prepare a hashed list itself:
 *
 *   entry = the first 16 hex characters (8 bytes, 64 bits) of SHA-256( UTF-8(salt ‖ e164) )
 *
 * where `salt` is the text as given (no separator) and `e164` the number in E.164 ("+12125550123").
 * Shell: `printf '%s%s' "$SALT" "+12125550123" | sha256sum | cut -c1-16`.
 *
 * Why 64 bits: a number not on a list of n entries falsely matches with probability n / 2^64; at
 * 1,000,000 entries that is 5.4e-14 per lookup (one false "do not call" in about 18 trillion
 * lookups), while 48 bits would give 3.6e-9 (one in ~280 million: a large call centre's year). Two
 * listed numbers sharing a hash costs nothing (both are on the list). 8 bytes an entry: 8 MB a million.
 *
 * A salted hash of a phone number is not secret from whoever holds the salt: the NANP has about
 * 8·10^9 valid numbers, few enough to try them all. The salt stops one list being matched against
 * another install's, or against a table prepared once for everyone; it does not make the list private
 * from someone with access to this browser profile.
 */
import { sha256Words } from './sha256';

/** A hashed entry as two 32-bit words: the digest's first eight bytes, big-endian. */
export interface DncHash {
  hi: number;
  lo: number;
}

export const HEX_ENTRY = /^[0-9a-f]{16}$/;

const encoder = new TextEncoder();

export function dncHash(salt: string, e164: string): DncHash {
  const words = sha256Words(encoder.encode(salt + e164));
  return { hi: words[0] ?? 0, lo: words[1] ?? 0 };
}

/** The 16 hex characters of a hash, as the policy and the recipe write it. */
export function hashHex(h: DncHash): string {
  return h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');
}

/** A 16-hex-character entry (case-insensitive) as a hash, or null when it is not one. */
export function hexHash(text: string): DncHash | null {
  const hex = text.trim().toLowerCase();
  if (!HEX_ENTRY.test(hex)) return null;
  return { hi: Number.parseInt(hex.slice(0, 8), 16), lo: Number.parseInt(hex.slice(8), 16) };
}
