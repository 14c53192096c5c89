import { describe, expect, it } from 'vitest';
import { MAX_QUERY, selectionQuery } from '@/lib/number/selection';

describe('selectionQuery', () => {
  it('finds the first number in the selected text', () => {
    expect(selectionQuery('Call Dana on (415) 555-0134 or 212-555-0175')).toBe('+14155550134');
    expect(selectionQuery('  +44 20 7946 0958\n')).toBe('+442079460958');
    expect(selectionQuery('Mobile\u00a0415\u00a0555\u00a00134')).toBe('+14155550134');
  });

  it('keeps text without a number (cut to a lookup’s size), and nothing for a blank selection', () => {
    expect(selectionQuery('no number here')).toBe('no number here');
    expect(selectionQuery('x'.repeat(500))).toHaveLength(MAX_QUERY);
    expect(selectionQuery(' \n\t ')).toBeNull();
  });
});
