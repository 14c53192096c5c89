// Chrome refuses to load an extension whose managed-storage schema it cannot read (its service
// worker never starts): the schema must use Chrome's JSON-schema subset, one type name per "type".
import { describe, expect, it } from 'vitest';
import { DNC_POLICY_KEYS } from '@/lib/dnc/policy';
import { LOCKABLE, MANAGEABLE, POLICY_ONLY } from '@/lib/settings/managed';
import schema from '@/public/managed_schema.json';

const CHROME_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

function types(node: unknown, path: string, out: [string, unknown][]) {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if ('type' in n) out.push([path, n.type]);
  for (const [key, child] of Object.entries(n.properties ?? {})) types(child, `${path}.${key}`, out);
  if (n.items) types(n.items, `${path}[]`, out);
}

describe('public/managed_schema.json', () => {
  it('uses only type names Chrome understands, one per node', () => {
    const found: [string, unknown][] = [];
    types(schema, '$', found);
    for (const [path, type] of found)
      expect(CHROME_TYPES.has(type as string), `${path}: ${JSON.stringify(type)}`).toBe(true);
  });
  it('declares every manageable setting and policy-only key, and "locked" lists exactly the lockable ones', () => {
    const props = Object.keys(schema.properties).filter((k) => k !== 'locked');
    expect(props.sort()).toEqual([...MANAGEABLE, ...POLICY_ONLY, ...DNC_POLICY_KEYS].sort());
    expect([...schema.properties.locked.items.enum].sort()).toEqual([...LOCKABLE].sort());
  });
});
