/**
 * Fetching a page or a feed from an address a Discord user or a feed gave, so that it cannot be
 * turned against the host: only http and https; no private, loopback, link-local, metadata or
 * other special address, checked on the address actually connected to (a `lookup` on the
 * connection, after name resolution, so a name that resolves to 127.0.0.1 is refused too) and again
 * on every redirect; bounded in size and time; only the content types asked for. A host listed in
 * `allowHosts` skips the address check (a test server, an intranet mirror the operator trusts).
 *
 * The outcome is a value: the bytes, "not modified", or a problem with its code, which the caller
 * turns into words (see `fetchProblemText`).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { classifyAddress, isAddressLiteral, unbracketed } from './address.ts';

/** What a fetch may bring back. */
export type ContentKind = 'page' | 'feed';

/** The content types accepted for each kind (the part before `;`). */
const CONTENT_TYPES: Readonly<Record<ContentKind, readonly string[]>> = {
  page: ['text/html', 'application/xhtml+xml'],
  feed: ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/rdf+xml', 'application/feed+json', 'text/html'],
};

/** How a fetch is bounded. */
export interface FetchLimits {
  /** Largest body read, in bytes; reading stops past it. */
  maxBytes: number;
  /** Longest the whole fetch may take, redirects included, in ms. */
  timeoutMs: number;
  /** Redirects followed at most. */
  maxRedirects: number;
}

/** The limits unless configured otherwise: 5 MB, 15 s, 5 redirects. */
export const FETCH_DEFAULTS: FetchLimits = { maxBytes: 5 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 };

/** The User-Agent every request carries: sites can see who is asking. */
export const USER_AGENT = 'Verbatim/0.1 (a Discord bot that quotes news articles word for word, with their source)';

/** Resolves a host name to its addresses; `dns.lookup` unless a test gives another. */
export type Resolve = (host: string) => Promise<LookupAddress[]>;

/** How to fetch. */
export interface FetchOptions {
  kind: ContentKind;
  limits?: Partial<FetchLimits>;
  /** Hosts fetched from without the address check, lower case (`127.0.0.1`, `intranet.example`). */
  allowHosts?: readonly string[];
  /** Conditional request: the validators of the last copy fetched. */
  etag?: string | undefined;
  lastModified?: string | undefined;
  resolve?: Resolve;
}

/** What an adder or a feed poller is told of how to fetch: the same for every fetch it makes. */
export type FetchPolicy = Pick<FetchOptions, 'allowHosts' | 'limits' | 'resolve'>;

/** Why a fetch brought nothing back. Each code has one message in `fetchProblemText`. */
export type FetchProblem =
  | { code: 'bad-url'; detail: string }
  | { code: 'refused-address'; host: string; address: string; reason: string }
  | { code: 'too-many-redirects'; max: number }
  | { code: 'too-large'; maxBytes: number }
  | { code: 'too-slow'; timeoutMs: number }
  | { code: 'wrong-type'; contentType: string }
  | { code: 'http-status'; status: number }
  | { code: 'unreachable'; detail: string };

/** What a fetch brought back. */
export type FetchResult =
  | { success: true; notModified: false; url: string; body: Buffer; contentType: string; etag?: string; lastModified?: string }
  | { success: true; notModified: true; url: string }
  | { success: false; problem: FetchProblem };

/** An error carrying a problem out of a callback into the result. */
class Refusal extends Error {
  constructor(readonly problem: FetchProblem) {
    super(problem.code);
  }
}

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * A `lookup` for the connection that refuses a name when any address it resolves to is refused:
 * the connection is made to one of these very addresses, so what was checked is what is used.
 */
function checkedLookup(resolve: Resolve, allowed: (host: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (wanted.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
        if (!allowed(hostname)) {
          for (const { address } of wanted) {
            const verdict = classifyAddress(address);
            if (!verdict.allowed) return callback(new Refusal({ code: 'refused-address', host: hostname, address, reason: verdict.reason }), '', 4);
          }
        }
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}

/** The address problem of a URL before anything is sent: its scheme, and an address literal's range. */
function checkUrl(url: URL, allowed: (host: string) => boolean): FetchProblem | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { code: 'bad-url', detail: `only http and https addresses can be fetched, not ${url.protocol.replace(/:$/u, '')}` };
  if (url.username || url.password) return { code: 'bad-url', detail: 'addresses with a user name or password are not fetched' };
  const host = unbracketed(url.hostname);
  // Node connects to an address literal without calling `lookup`: it is checked here instead.
  if (isAddressLiteral(host) && !allowed(host)) {
    const verdict = classifyAddress(host);
    if (!verdict.allowed) return { code: 'refused-address', host, address: host, reason: verdict.reason };
  }
  return null;
}

/** Whether a response's content type is one accepted for `kind`. */
export function acceptsContentType(kind: ContentKind, contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return CONTENT_TYPES[kind].includes(type);
}

/** Fetches `address`, following redirects, within the limits; never throws for anything the address or the server does. */
export async function safeFetch(address: string, options: FetchOptions): Promise<FetchResult> {
  const limits = { ...FETCH_DEFAULTS, ...options.limits };
  const allowHosts = new Set((options.allowHosts ?? []).map(unbracketed));
  const allowed = (host: string): boolean => allowHosts.has(unbracketed(host));
  const lookup = checkedLookup(options.resolve ?? systemResolve, allowed);
  // Agents of this fetch alone: their `lookup` is the check, and no pooled socket outlives it.
  const agents = { 'http:': new http.Agent({ lookup, keepAlive: false }), 'https:': new https.Agent({ lookup, keepAlive: false }) };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return { success: false, problem: { code: 'bad-url', detail: 'not a web address' } };
    }
    for (let hop = 0; ; hop++) {
      const problem = checkUrl(url, allowed);
      if (problem) return { success: false, problem };
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: options.kind === 'page' ? 'text/html,application/xhtml+xml;q=0.9' : 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8',
        // Compressed pages are a fifth of the bytes; the size limit counts the bytes once decompressed, so a small bomb is still stopped.
        'accept-encoding': 'gzip, deflate, br',
      };
      if (hop === 0 && options.etag) headers['if-none-match'] = options.etag;
      if (hop === 0 && options.lastModified) headers['if-modified-since'] = options.lastModified;
      const response = await request(url, headers, agents[url.protocol as 'http:' | 'https:'], controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && response.headers.location) {
        response.resume();
        if (hop >= limits.maxRedirects) return { success: false, problem: { code: 'too-many-redirects', max: limits.maxRedirects } };
        try {
          url = new URL(response.headers.location, url);
        } catch {
          return { success: false, problem: { code: 'bad-url', detail: 'the page redirects to something that is not a web address' } };
        }
        continue;
      }
      if (status === 304) {
        response.resume();
        return { success: true, notModified: true, url: url.href };
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return { success: false, problem: { code: 'http-status', status } };
      }
      const contentType = response.headers['content-type'] ?? '';
      if (!acceptsContentType(options.kind, contentType)) {
        response.resume();
        return { success: false, problem: { code: 'wrong-type', contentType: contentType || 'none stated' } };
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        response.destroy();
        return { success: false, problem: { code: 'too-large', maxBytes: limits.maxBytes } };
      }
      const decoded = decompressed(response);
      if (!decoded) {
        response.resume();
        return { success: false, problem: { code: 'wrong-type', contentType: `${contentType}, compressed as ${String(response.headers['content-encoding'])}` } };
      }
      const body = await readLimited(decoded, limits.maxBytes, () => response.destroy());
      if (body === null) return { success: false, problem: { code: 'too-large', maxBytes: limits.maxBytes } };
      const result: FetchResult = { success: true, notModified: false, url: url.href, body, contentType };
      if (typeof response.headers.etag === 'string') result.etag = response.headers.etag;
      if (typeof response.headers['last-modified'] === 'string') result.lastModified = response.headers['last-modified'];
      return result;
    }
  } catch (error) {
    if (error instanceof Refusal) return { success: false, problem: error.problem };
    if (controller.signal.aborted) return { success: false, problem: { code: 'too-slow', timeoutMs: limits.timeoutMs } };
    const code = (error as NodeJS.ErrnoException).code;
    return { success: false, problem: { code: 'unreachable', detail: code ?? (error as Error).message } };
  } finally {
    clearTimeout(timer);
    agents['http:'].destroy();
    agents['https:'].destroy();
  }
}

/** Sends one GET and resolves with the response head; rejects on a connection error or when `signal` aborts. */
function request(url: URL, headers: Record<string, string>, agent: http.Agent, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, { method: 'GET', headers, agent, signal }, resolve);
    req.on('error', (error) => reject((error as { cause?: unknown }).cause instanceof Refusal ? (error as { cause: Refusal }).cause : error));
    req.end();
  });
}

/** The response's body as sent before compression: itself, or through the decompressor its Content-Encoding names; null for an encoding not known. */
function decompressed(response: IncomingMessage): Readable | null {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompressor = DECOMPRESSORS[encoding];
  if (decompressor === undefined) return null;
  if (decompressor === null) return response;
  const stream = decompressor();
  response.on('error', (error) => stream.destroy(error));
  return response.pipe(stream);
}

/** The Content-Encodings read, each with its decompressor (null: none needed). */
const DECOMPRESSORS: Readonly<Record<string, (() => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress) | null>> = {
  identity: null,
  '': null,
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/**
 * The body, or null once it passes `maxBytes` (reading stops there, and `stop` closes the
 * connection). Rejects when the fetch is aborted or the body is damaged.
 */
function readLimited(body: Readable, maxBytes: number, stop: () => void): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      finish();
    };
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Settled before destroying: destroying emits 'aborted' at once.
        settle(() => resolve(null));
        body.destroy();
        stop();
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    body.on('error', (error) => settle(() => reject(error)));
    body.on('aborted', () => settle(() => reject(new Error('the connection closed before the page was complete'))));
  });
}

/** What to tell a person about a fetch problem: one message per code. */
export function fetchProblemText(problem: FetchProblem): string {
  switch (problem.code) {
    case 'bad-url':
      return `That is not an address Verbatim fetches: ${problem.detail}.`;
    case 'refused-address':
      return `Not allowed: ${problem.host === problem.address ? problem.host : `${problem.host} (${problem.address})`} is ${problem.reason}, and Verbatim only fetches public web sites.`;
    case 'too-many-redirects':
      return `The page redirects more than ${problem.max} times; give the final address of the article.`;
    case 'too-large':
      return `The page is too large: more than ${Math.round(problem.maxBytes / (1024 * 1024))} MB.`;
    case 'too-slow':
      return `The site was too slow: the page had not arrived after ${problem.timeoutMs / 1000} s.`;
    case 'wrong-type':
      return `That is not a web page (its content type is ${problem.contentType}).`;
    case 'http-status':
      return `The site answered with HTTP status ${problem.status}, not the page.`;
    case 'unreachable':
      return `The site could not be reached (${problem.detail}).`;
  }
}
