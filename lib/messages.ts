/**
 * The one protocol between the extension's contexts. Every message is a zod schema and is
 * validated where it is received. `zod/mini` keeps the validator small in every bundle.
 */
import * as z from 'zod/mini';

export const MAX_NUMBERS_PER_MESSAGE = 1000;
const NumberText = z.string().check(z.maxLength(64));

/** Content script or popup → background: classify these numbers. */
export const LookupRequest = z.strictObject({
  type: z.literal('lookup'),
  numbers: z.array(NumberText).check(z.maxLength(MAX_NUMBERS_PER_MESSAGE)),
});
export type LookupRequest = z.infer<typeof LookupRequest>;

export const LookupResult = z.object({
  input: z.string(),
  e164: z.nullable(z.string()),
  npa: z.nullable(z.string()),
});
export type LookupResult = z.infer<typeof LookupResult>;

export const LookupResponse = z.union([
  z.object({ ok: z.literal(true), results: z.array(LookupResult) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type LookupResponse = z.infer<typeof LookupResponse>;
