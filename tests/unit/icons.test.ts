import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIZES = [16, 32, 48, 96, 128] as const;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const iconPath = (size: number): string => resolve(__dirname, '../../public/icon', `${size}.png`);

describe('extension icons', () => {
  it('the hand-written SVG source is committed beside them', () => {
    const svg = readFileSync(resolve(__dirname, '../../assets/icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 128 128"/);
  });

  it.each(SIZES.map((s) => [s]))('public/icon/%i.png is a %i×%i PNG', (size) => {
    const file = iconPath(size);
    expect(existsSync(file)).toBe(true);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // The first chunk must be IHDR: 4-byte length (13), 'IHDR', then width and height (big-endian).
    expect(png.readUInt32BE(8)).toBe(13);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
    // Colour type 6 (RGBA): the background can be transparent.
    expect(png.readUInt8(25)).toBe(6);
  });
});
