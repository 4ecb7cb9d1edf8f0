/** The saved index's container: arrays and bytes as they lie in the file, other parts as JSON. */
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../src/index/pack.ts';

const parts = {
  meta: { format: 3, names: ['Iravani', 'Takht-Ravanchi'], none: null },
  ids: Int32Array.from([0, -1, 2_000_000_000, 7]),
  kinds: Uint8Array.from([0, 3, 1]),
  values: Float64Array.from([10_818, Number.NaN, 0.5]),
  bodies: Buffer.from('“We reject,” he said — twice.'),
  empty: new Int32Array(0),
};

describe('a packed file', () => {
  const file = Buffer.concat(pack(parts));

  it('gives back every part as it was put in, of the same type', () => {
    const back = unpack(file);
    expect(back['meta']).toEqual(parts.meta);
    expect(back['ids']).toBeInstanceOf(Int32Array);
    expect([...(back['ids'] as Int32Array)]).toEqual([...parts.ids]);
    expect(back['kinds']).toBeInstanceOf(Uint8Array);
    expect([...(back['kinds'] as Uint8Array)]).toEqual([...parts.kinds]);
    expect([...(back['values'] as Float64Array)]).toEqual([...parts.values]);
    expect((back['bodies'] as Buffer).toString('utf8')).toBe('“We reject,” he said — twice.');
    expect((back['empty'] as Int32Array).length).toBe(0);
  });

  it('writes JSON parts in ASCII alone, and reads back every character of them', () => {
    const value = { title: 'Gerçek’s “report” — 日本 😀', names: ['Iravaní', 'tab\tquote"'] };
    const file = Buffer.concat(pack({ value }));
    expect([...file].every((byte) => byte < 0x80)).toBe(true);
    expect(unpack(file)['value']).toEqual(value);
  });

  it('is read from a buffer that does not start on an aligned address', () => {
    const shifted = Buffer.concat([Buffer.alloc(3), file]).subarray(3);
    expect([...(unpack(shifted)['values'] as Float64Array)]).toEqual([...parts.values]);
  });

  it('is refused when it is not one, or is cut short', () => {
    expect(() => unpack(Buffer.from('{"format":3}'))).toThrow(/not a packed file/u);
    expect(() => unpack(file.subarray(0, file.length - 20))).toThrow(/cut short/u);
  });
});

describe('a packed file left open', () => {
  it('reads a whole part, or a stretch of one, as it was written, even after the file is replaced', async () => {
    const { mkdtemp, rename, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { PackFile } = await import('../../src/index/pack.ts');
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-pack-'));
    try {
      const path = join(dir, 'index');
      await writeFile(path, Buffer.concat(pack(parts)));
      const file = PackFile.open(path);
      expect([...(file.read('ids') as Int32Array)]).toEqual([...parts.ids]);
      expect(file.read('meta')).toEqual(parts.meta);
      const text = '“We reject,” he said — twice.';
      const from = Buffer.byteLength(text.slice(0, text.indexOf('he')));
      expect(file.readRange('bodies', from, from + Buffer.byteLength('he said')).toString('utf8')).toBe('he said');
      expect(() => file.readRange('bodies', 0, 10_000)).toThrow(/outside/u);
      // The cache is replaced by writing a new file and renaming it into place: the open file still reads the old one.
      await writeFile(join(dir, 'next'), Buffer.concat(pack({ ...parts, bodies: Buffer.from('other text entirely, longer') })));
      await rename(join(dir, 'next'), path);
      expect(file.readRange('bodies', 0, 3).toString('utf8')).toBe('“');
      file.close();
      expect(() => file.read('ids')).toThrow(/closed/u);
      expect(() => PackFile.open(join(dir, 'missing'))).toThrow(/ENOENT/u);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
