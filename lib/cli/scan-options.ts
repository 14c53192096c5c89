import { AREA_CODES } from '../data/area-codes';
import type { ScanOptions } from '../number/scan-text';

/** Numbers whose area code is not in service are not phone numbers. */
export const SCAN_OPTIONS: ScanOptions = { isAssignedNpa: (npa) => Object.hasOwn(AREA_CODES, npa) };
