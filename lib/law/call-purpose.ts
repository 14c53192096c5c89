/**
 * Why an agent calls, and a window of local minutes: tiny on purpose, so settings (in every bundle)
 * can name them without pulling in the calling-hours table.
 */
export type CallPurpose = 'sales' | 'existing-customer' | 'service' | 'business';
export const CALL_PURPOSES: readonly CallPurpose[] = ['sales', 'existing-customer', 'service', 'business'];

/** Minutes after local midnight, start inclusive, end exclusive. */
export interface HoursWindow {
  start: number;
  end: number;
}
