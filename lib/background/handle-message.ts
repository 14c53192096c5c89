import { LookupRequest, type LookupResponse } from '../messages';
import { parseNumber } from '../parse-number';

/** Answers one message. Pure: the background entrypoint only wires it to `runtime.onMessage`. */
export function handleMessage(message: unknown): LookupResponse {
  const parsed = LookupRequest.safeParse(message);
  if (!parsed.success)
    return { ok: false, error: `Refused a malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return {
    ok: true,
    results: parsed.data.numbers.map((input) => {
      const number = parseNumber(input);
      return number.kind === 'invalid'
        ? { input, e164: null, npa: null }
        : { input, e164: number.e164, npa: number.kind === 'nanp' ? number.npa : null };
    }),
  };
}
