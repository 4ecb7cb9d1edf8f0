/**
 * The safe fetcher against a web server on 127.0.0.1 (the only place a packet goes): limits,
 * content types, redirects, conditional requests, and addresses refused before anything is sent.
 */
import { createServer, type Server } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFetch, USER_AGENT, type FetchOptions, type Resolve } from '../../src/fetch/fetch.ts';

/** Name resolution for the tests, so that no query leaves the machine: `localhost` is loopback, as on any host; other names are unknown. */
const resolveLocally: Resolve = async (host) => {
  if (host === 'localhost') return [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
  throw Object.assign(new Error(`test: no address for ${host}`), { code: 'ENOTFOUND' });
};

const PAGE = '<!doctype html><html><head><title>A page</title></head><body><p>Hello.</p></body></html>';

describe('safeFetch', () => {
  let server: Server;
  let base: string;
  const seen: { path: string; headers: Record<string, unknown> }[] = [];
  const open = new Set<import('node:http').ServerResponse>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({ path: url.pathname, headers: req.headers });
      const hops = Number(url.searchParams.get('hops') ?? 0);
      switch (url.pathname) {
        case '/page':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 14 May 2024 08:00:00 GMT' });
          return void res.end(PAGE);
        case '/conditional':
          if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
          res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' });
          return void res.end(PAGE);
        case '/gzip':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
          return void res.end(gzipSync(PAGE));
        case '/br':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' });
          return void res.end(brotliCompressSync(PAGE));
        case '/bomb':
          // A few kilobytes that decompress to 8 MB.
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
          return void res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
        case '/compress':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'compress' });
          return void res.end('??');
        case '/json':
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end('{}');
        case '/big':
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024) });
          return void res.end(Buffer.alloc(6 * 1024 * 1024, 0x20));
        case '/big-chunked': {
          // No length announced: the fetcher has to stop reading past the limit by itself.
          res.writeHead(200, { 'content-type': 'text/html' });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          let sent = 0;
          const pump = (): void => {
            while (sent < 8 * 1024 * 1024) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end();
          };
          res.on('error', () => undefined);
          return pump();
        }
        case '/never':
          // Sends the head and a little, then nothing more: the page never finishes.
          open.add(res);
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.write('<html><body><p>Just a moment');
        case '/hop':
          res.writeHead(302, { location: hops > 0 ? `/hop?hops=${hops - 1}` : '/page' });
          return void res.end();
        case '/to-localhost':
          res.writeHead(301, { location: `http://localhost:${(server.address() as AddressInfo).port}/page` });
          return void res.end();
        case '/to-file':
          res.writeHead(302, { location: 'file:///etc/passwd' });
          return void res.end();
        default:
          res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const res of open) res.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const allowed: FetchOptions = { kind: 'page', allowHosts: ['127.0.0.1'] };

  it('fetches an HTML page from an allowed host, naming itself in the User-Agent, with its validators', async () => {
    const result = await safeFetch(`${base}/page`, allowed);
    expect(result).toMatchObject({ success: true, notModified: false, url: `${base}/page`, etag: '"v1"', lastModified: 'Tue, 14 May 2024 08:00:00 GMT' });
    if (result.success && !result.notModified) expect(result.body.toString('utf8')).toBe(PAGE);
    expect(seen.at(-1)?.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Verbatim\//u);
  });

  it('refuses a loopback address that is not allowed, before sending anything', async () => {
    const before = seen.length;
    const result = await safeFetch(`${base}/page`, { kind: 'page' });
    expect(result).toMatchObject({ success: false, problem: { code: 'refused-address', address: '127.0.0.1' } });
    expect(seen.length).toBe(before);
  });

  it('refuses a name that resolves to a loopback address (checked after resolution), before sending anything', async () => {
    const before = seen.length;
    const port = (server.address() as AddressInfo).port;
    const result = await safeFetch(`http://localhost:${port}/page`, { kind: 'page', allowHosts: ['127.0.0.1'], resolve: resolveLocally });
    expect(result).toMatchObject({ success: false, problem: { code: 'refused-address', host: 'localhost' } });
    expect(seen.length).toBe(before);
  });

  it('connects to the address the check passed: a name resolved (by the test) to 127.0.0.1 reaches the server only when allowed', async () => {
    const port = (server.address() as AddressInfo).port;
    const resolve: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await safeFetch(`http://news.example:${port}/page`, { kind: 'page', resolve })).toMatchObject({ success: false, problem: { code: 'refused-address', host: 'news.example', address: '127.0.0.1' } });
    expect(await safeFetch(`http://news.example:${port}/page`, { kind: 'page', resolve, allowHosts: ['news.example'] })).toMatchObject({ success: true });
  });

  it('refuses a name when any of its addresses is refused (a public one beside the metadata service)', async () => {
    const resolve: Resolve = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ];
    const result = await safeFetch('http://metadata.example/latest', { kind: 'page', resolve });
    expect(result).toMatchObject({ success: false, problem: { code: 'refused-address', address: '169.254.169.254' } });
  });

  it('refuses IPv4-mapped IPv6 and other literal forms of loopback, and loopback addresses not listed', async () => {
    for (const address of ['http://[::ffff:127.0.0.1]/', 'http://[::1]/', 'http://0x7f.1/', 'http://2130706433/', 'http://[::ffff:a9fe:a9fe]/']) {
      expect(await safeFetch(address, { kind: 'page' }), address).toMatchObject({ success: false, problem: { code: 'refused-address' } });
    }
    // Only the host listed is let through, not its neighbours.
    expect(await safeFetch('http://127.0.0.2/', { kind: 'page', allowHosts: ['127.0.0.1'] })).toMatchObject({ success: false, problem: { code: 'refused-address', address: '127.0.0.2' } });
  });

  it('fetches only http and https', async () => {
    expect(await safeFetch('file:///etc/passwd', allowed)).toMatchObject({ success: false, problem: { code: 'bad-url' } });
    expect(await safeFetch('ftp://127.0.0.1/x', allowed)).toMatchObject({ success: false, problem: { code: 'bad-url' } });
    expect(await safeFetch('not a url', allowed)).toMatchObject({ success: false, problem: { code: 'bad-url' } });
    expect(await safeFetch(`${base}/to-file`, allowed)).toMatchObject({ success: false, problem: { code: 'bad-url' } });
  });

  it('checks every redirect: one to a refused host is refused', async () => {
    const result = await safeFetch(`${base}/to-localhost`, { ...allowed, resolve: resolveLocally });
    expect(result).toMatchObject({ success: false, problem: { code: 'refused-address', host: 'localhost' } });
  });

  it('follows up to 5 redirects and no more', async () => {
    expect(await safeFetch(`${base}/hop?hops=4`, allowed)).toMatchObject({ success: true, url: `${base}/page` });
    expect(await safeFetch(`${base}/hop?hops=5`, allowed)).toMatchObject({ success: false, problem: { code: 'too-many-redirects', max: 5 } });
  });

  it('refuses what is not HTML', async () => {
    expect(await safeFetch(`${base}/json`, allowed)).toMatchObject({ success: false, problem: { code: 'wrong-type', contentType: 'application/json' } });
  });

  it('refuses a page over 5 MB, whether it says so or not', async () => {
    expect(await safeFetch(`${base}/big`, allowed)).toMatchObject({ success: false, problem: { code: 'too-large', maxBytes: 5 * 1024 * 1024 } });
    expect(await safeFetch(`${base}/big-chunked`, allowed)).toMatchObject({ success: false, problem: { code: 'too-large' } });
  });

  it('reads compressed pages, and counts the limit on the bytes decompressed', async () => {
    for (const path of ['/gzip', '/br']) {
      const result = await safeFetch(`${base}${path}`, allowed);
      expect(result.success && !result.notModified && result.body.toString('utf8'), path).toBe(PAGE);
    }
    expect(seen.at(-1)?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(await safeFetch(`${base}/bomb`, allowed)).toMatchObject({ success: false, problem: { code: 'too-large' } });
    expect(await safeFetch(`${base}/compress`, allowed)).toMatchObject({ success: false, problem: { code: 'wrong-type' } });
  });

  it('gives up on a page that never finishes, after the time limit', async () => {
    const started = Date.now();
    const result = await safeFetch(`${base}/never`, { ...allowed, limits: { timeoutMs: 300 } });
    expect(result).toMatchObject({ success: false, problem: { code: 'too-slow', timeoutMs: 300 } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('sends the validators it is given and reports "not modified"', async () => {
    expect(await safeFetch(`${base}/conditional`, { ...allowed, etag: '"v1"' })).toMatchObject({ success: true, notModified: true });
    expect(await safeFetch(`${base}/conditional`, allowed)).toMatchObject({ success: true, notModified: false, etag: '"v1"' });
  });

  it('reports an HTTP error status', async () => {
    expect(await safeFetch(`${base}/missing`, allowed)).toMatchObject({ success: false, problem: { code: 'http-status', status: 404 } });
  });
});
