/**
 * A file of named parts: typed arrays and bytes kept as they are in memory, everything else as
 * JSON. Loading reads each array straight into its own memory instead of parsing millions of
 * numbers (what made the saved index slow when it was one JSON document), and a part that is
 * rarely needed (article bodies, persons) can stay on disk and be read a piece at a time.
 *
 * Layout: the line `verbatim-pack 2`, a 4-byte little-endian length, a JSON table of the parts
 * (name, kind, byte length, SHA-256), then the parts in that order, each starting at a multiple of
 * 8 bytes. A part is checked against its hash when read whole, so a damaged file is refused, not
 * served; a part read a stretch at a time needs its own check (the cache hashes each body).
 *
 * JSON parts are written in ASCII alone, every other character escaped (`\u00e9`): decoding 10 MB
 * of UTF-8 took 27 ms at start-up, reading ASCII takes 6, and V8 parses a one-byte string faster.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const MAGIC = Buffer.from('verbatim-pack 2\n');
const ALIGN = 8;

/** What a part may be. */
export type PackValue = Int32Array | Uint8Array | Float64Array | Buffer | unknown;

type Kind = 'i32' | 'u8' | 'f64' | 'bytes' | 'json';

/** Where a part lies in the file, and the SHA-256 of its bytes. */
interface Entry {
  kind: Kind;
  offset: number;
  length: number;
  digest: string;
}

const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** JSON in ASCII: each UTF-16 unit past 0x7e written as its `\u` escape (surrogate pairs as two). */
function asciiJson(value: unknown): Buffer {
  const json = JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(json, 'latin1');
}

/** A JSON part's value, from the ASCII `pack` wrote. */
export function parseJsonPart(bytes: Buffer): unknown {
  return JSON.parse(bytes.toString('latin1'));
}

function kindOf(value: PackValue): Kind {
  if (Buffer.isBuffer(value)) return 'bytes';
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Uint8Array) return 'u8';
  if (value instanceof Float64Array) return 'f64';
  return 'json';
}

const padding = (n: number): number => (ALIGN - (n % ALIGN)) % ALIGN;

/** The chunks of the file holding these parts, to write one after another. */
export function pack(parts: Readonly<Record<string, PackValue>>): Buffer[] {
  const table: [string, Kind, number, string][] = [];
  const bodies: Buffer[] = [];
  for (const [name, value] of Object.entries(parts)) {
    const kind = kindOf(value);
    const bytes =
      kind === 'json'
        ? asciiJson(value)
        : kind === 'bytes'
          ? (value as Buffer)
          : Buffer.from((value as Int32Array).buffer, (value as Int32Array).byteOffset, (value as Int32Array).byteLength);
    table.push([name, kind, bytes.length, digestOf(bytes)]);
    bodies.push(bytes, Buffer.alloc(padding(bytes.length)));
  }
  const header = Buffer.from(JSON.stringify(table));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return [MAGIC, length, header, Buffer.alloc(padding(MAGIC.length + 4 + header.length)), ...bodies];
}

/** The parts' places, from the header; `size` is the file's, to refuse one cut short. */
function entriesOf(header: Buffer, headerStart: number, size: number): Map<string, Entry> {
  const table = JSON.parse(header.toString('utf8')) as [string, Kind, number, string][];
  if (!Array.isArray(table)) throw new Error('not a packed file');
  const entries = new Map<string, Entry>();
  let offset = headerStart + header.length;
  offset += padding(offset);
  for (const [name, kind, length, digest] of table) {
    if (!['i32', 'u8', 'f64', 'bytes', 'json'].includes(kind) || !Number.isInteger(length) || length < 0 || typeof digest !== 'string') throw new Error('not a packed file');
    if (offset + length > size) throw new Error('the packed file is cut short');
    entries.set(name, { kind, offset, length, digest });
    offset += length + padding(length);
  }
  return entries;
}

/** A part's bytes, checked against their hash. */
function checked(name: string, entry: Entry, bytes: Buffer): Buffer {
  if (digestOf(bytes) !== entry.digest) throw new Error(`part ${name} of the packed file is damaged`);
  return bytes;
}

/** A part's value from its bytes, which it may keep (they are its own memory). */
function valueOf(kind: Kind, bytes: Buffer): PackValue {
  const { buffer, byteOffset, length } = bytes;
  switch (kind) {
    case 'json':
      return parseJsonPart(bytes);
    case 'bytes':
      return bytes;
    case 'i32':
      return new Int32Array(buffer, byteOffset, length / 4);
    case 'u8':
      return new Uint8Array(buffer, byteOffset, length);
    case 'f64':
      return new Float64Array(buffer, byteOffset, length / 8);
  }
}

/** Bytes of their own, starting at an address aligned for any typed array. */
function ownBytes(length: number): Buffer {
  return Buffer.from(new ArrayBuffer(length));
}

/** The parts of a packed file held in memory. Throws when it is not one, or is cut short. */
export function unpack(file: Buffer): Record<string, PackValue> {
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a packed file');
  const headerStart = MAGIC.length + 4;
  const header = file.subarray(headerStart, headerStart + file.readUInt32LE(MAGIC.length));
  const parts: Record<string, PackValue> = {};
  for (const [name, entry] of entriesOf(header, headerStart, file.length)) {
    const bytes = ownBytes(entry.length);
    file.copy(bytes, 0, entry.offset, entry.offset + entry.length);
    parts[name] = valueOf(entry.kind, checked(name, entry, bytes));
  }
  return parts;
}

/** Closes the file of a `PackFile` nobody holds any more. */
const closing = new FinalizationRegistry<number>((fd) => closeSync(fd));

/** Reads `bytes.length` bytes at `position`, or throws when the file ends first. */
function readFully(fd: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) throw new Error('the packed file is cut short');
    done += read;
  }
}

/**
 * A packed file left open, so that parts are read when wanted: whole (`read`), or a stretch of a
 * part at a time (`readRange`), for parts too large to hold in memory for the little of them used.
 * The file stays the one opened even if it is replaced on disk meanwhile (the cache is written
 * to a new file and renamed into place), so what is read later matches what was read first.
 * Reads are synchronous: at start-up there is nothing else to do, and later reads are a few
 * kilobytes from the page cache.
 */
export class PackFile {
  readonly #fd: number;
  readonly #entries: Map<string, Entry>;
  #closed = false;

  private constructor(fd: number, entries: Map<string, Entry>) {
    this.#fd = fd;
    this.#entries = entries;
    closing.register(this, fd, this);
  }

  /** Opens a packed file and reads its table of parts. Throws when it is not one, or is cut short. */
  static open(path: string): PackFile {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      const start = Buffer.alloc(MAGIC.length + 4);
      if (size < start.length) throw new Error('not a packed file');
      readFully(fd, start, 0);
      if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a packed file');
      const headerLength = start.readUInt32LE(MAGIC.length);
      if (start.length + headerLength > size) throw new Error('the packed file is cut short');
      const header = Buffer.alloc(headerLength);
      readFully(fd, header, start.length);
      return new PackFile(fd, entriesOf(header, start.length, size));
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  #entry(name: string): Entry {
    const entry = this.#entries.get(name);
    if (!entry) throw new Error(`the packed file has no part ${name}`);
    if (this.#closed) throw new Error('the packed file is closed');
    return entry;
  }

  /** A whole part's bytes, read into memory of their own and checked against its hash. */
  bytes(name: string): Buffer {
    const entry = this.#entry(name);
    const bytes = ownBytes(entry.length);
    readFully(this.#fd, bytes, entry.offset);
    return checked(name, entry, bytes);
  }

  /** A whole part, checked against its hash. */
  read(name: string): PackValue {
    return valueOf(this.#entry(name).kind, this.bytes(name));
  }

  /** Bytes `from` to `to` of a part, unchecked: whoever reads a part piecemeal checks the pieces. */
  readRange(name: string, from: number, to: number): Buffer {
    const { offset, length } = this.#entry(name);
    if (from < 0 || to > length || from > to) throw new Error(`bytes ${from}–${to} are outside part ${name}`);
    const bytes = Buffer.allocUnsafe(to - from);
    readFully(this.#fd, bytes, offset + from);
    return bytes;
  }

  /** A part's length in bytes. */
  lengthOf(name: string): number {
    return this.#entry(name).length;
  }

  /** Closes the file now; reading it afterwards fails. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closing.unregister(this);
    closeSync(this.#fd);
  }
}
