import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFolderOffThread, notRegular, type FileStat } from '../../src/corpus/listing.ts';
import { scanCorpus, type CorpusFile } from '../../src/corpus/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'verbatim-listing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A folder as people leave it: the seed articles, a note, a sub-folder, a pipe, a link to nowhere.
cpSync('corpus', dir, { recursive: true });
writeFileSync(join(dir, 'notes.pdf'), 'not an article');
mkdirSync(join(dir, 'images'));
execFileSync('mkfifo', [join(dir, 'a-pipe.txt')]);
symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));

/** A scan's files without the moment each was read, which differs between two scans. */
const comparable = (files: ReadonlyMap<string, CorpusFile>) => [...files].map(([name, { readAt: _readAt, ...file }]) => [name, file]);

describe('listing a folder on a worker thread', () => {
  it('gives every entry with what stat gives on the main thread, and the error code of one stat cannot follow', async () => {
    const listing = await listFolderOffThread(dir);
    expect(listing).not.toBeNull();
    expect([...listing!.names].sort()).toEqual(readdirSync(dir).sort());
    expect(listing!.names).toEqual(expect.arrayContaining(['a-pipe.txt', 'dangling.txt', 'images', 'notes.pdf']));
    for (const name of listing!.names) {
      const got = listing!.stat(name);
      if (name === 'dangling.txt') {
        expect(got).toEqual({ code: 'ENOENT' });
        continue;
      }
      const { size, mtimeMs, ino, mode } = statSync(join(dir, name));
      expect(got, name).toEqual({ size, mtimeMs, ino, mode });
    }
    expect(notRegular(listing!.stat('a-pipe.txt') as FileStat)).toBe('a named pipe (FIFO)');
    expect(notRegular(listing!.stat('images') as FileStat)).toBe('a folder');
    expect(notRegular(listing!.stat('notes.pdf') as FileStat)).toBeNull();
    expect(listing!.stat('never-there.txt')).toEqual({ code: 'ENOENT' });
  });

  it('gives null for a folder that cannot be read, so that the scan reports it itself', async () => {
    expect(await listFolderOffThread(join(dir, 'no-such-folder'))).toBeNull();
    const scan = await scanCorpus(join(dir, 'no-such-folder'), undefined, undefined, { listing: listFolderOffThread(join(dir, 'no-such-folder')) });
    expect(scan).toEqual({ success: false, reason: expect.stringContaining('cannot be read (ENOENT)') });
  });

  it('scans a folder to the same files, articles and reasons as the main thread does', async () => {
    const here = await scanCorpus(dir);
    const offThread = await scanCorpus(dir, undefined, undefined, { listing: listFolderOffThread(dir) });
    if (!here.success || !offThread.success) throw new Error('the folder should scan');
    expect(comparable(offThread.files)).toEqual(comparable(here.files));
    expect([...here.files.values()].filter((f) => f.parsed.success)).toHaveLength(5);
    expect(here.files.get('a-pipe.txt')?.parsed).toEqual({ success: false, reason: expect.stringContaining('named pipe (FIFO)') });
    // The scan goes by the listing it is given, not by a look of its own: an entry left out of it is not scanned.
    const listing = (await listFolderOffThread(dir))!;
    const partial = await scanCorpus(dir, undefined, undefined, { listing: Promise.resolve({ ...listing, names: listing.names.filter((n) => n !== 'notes.pdf') }) });
    if (!partial.success) throw new Error('the folder should scan');
    expect([...partial.files.keys()].sort()).toEqual([...here.files.keys()].filter((n) => n !== 'notes.pdf').sort());
  });

  it('lets a scan keep unread what an earlier one read, and read again what changed, as on the main thread', async () => {
    // Files last changed an hour ago, so that their modification times prove them unchanged.
    const articles = readdirSync(dir).filter((name) => name.endsWith('.txt') && name !== 'a-pipe.txt' && name !== 'dangling.txt');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const name of articles) utimesSync(join(dir, name), anHourAgo, anHourAgo);
    const first = await scanCorpus(dir);
    if (!first.success) throw new Error('the folder should scan');
    const [edited, ...untouched] = articles;
    writeFileSync(join(dir, edited!), readFileSync(join(dir, edited!), 'utf8').replace(/\n$/u, '\n\nA paragraph added later.\n'));
    const again = await scanCorpus(dir, first.files, undefined, { listing: listFolderOffThread(dir) });
    if (!again.success) throw new Error('the folder should scan');
    for (const name of untouched) expect(again.files.get(name), name).toBe(first.files.get(name));
    expect(again.files.get(edited!)!.hash).not.toBe(first.files.get(edited!)!.hash);
    expect(again.files.get(edited!)!.parsed).toMatchObject({ success: true, article: { body: expect.stringContaining('A paragraph added later.') } });
  });
});
