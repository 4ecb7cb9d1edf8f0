import { describe, expect, it } from 'vitest';
import { readConfig, requireVariables } from '../src/config.ts';

const TOKEN = `${'M'.repeat(24)}.${'G'.repeat(6)}.${'x'.repeat(27)}`;

describe('readConfig', () => {
  it('accepts an empty environment: the terminal needs nothing, and the corpus folder defaults to corpus', () => {
    const result = readConfig({});
    expect(result).toEqual({
      success: true,
      config: { CORPUS_DIR: 'corpus', CACHE_DIR: '.cache', LOG_LEVEL: 'info', FEEDS: [], FEED_INTERVAL_MINUTES: 30, FETCH_ALLOW_HOSTS: [], FETCH_MAX_MB: 5, FETCH_TIMEOUT_SECONDS: 15, MAX_ARTICLE_BYTES: 2 * 1024 * 1024 },
    });
  });

  it('accepts LOG_LEVEL in any case: INFO is info', () => {
    const result = readConfig({ LOG_LEVEL: 'INFO' });
    expect(result.success && result.config.LOG_LEVEL).toBe('info');
    const wrong = readConfig({ LOG_LEVEL: 'loud' });
    expect(!wrong.success && wrong.message).toMatch(/LOG_LEVEL: must be one of fatal, error, warn, info/u);
  });

  it('reads MAX_ARTICLE_BYTES as a positive number of bytes, and names a malformed one', () => {
    const result = readConfig({ MAX_ARTICLE_BYTES: '5000000' });
    expect(result.success && result.config.MAX_ARTICLE_BYTES).toBe(5_000_000);
    for (const bad of ['2MB', '0', '-1', '1.5']) {
      const wrong = readConfig({ MAX_ARTICLE_BYTES: bad });
      expect(!wrong.success && wrong.message, bad).toContain('MAX_ARTICLE_BYTES');
    }
  });

  it('reads only the variables a program uses, when told which: a malformed token does not stop one that never uses it', () => {
    expect(readConfig({ DISCORD_TOKEN: 'not-a-token', CORPUS_DIR: 'elsewhere' }).success).toBe(false);
    const result = readConfig({ DISCORD_TOKEN: 'not-a-token', CORPUS_DIR: 'elsewhere' }, ['CORPUS_DIR', 'CACHE_DIR']);
    expect(result.success && result.config).toMatchObject({ CORPUS_DIR: 'elsewhere' });
    expect(result.success && 'DISCORD_TOKEN' in result.config).toBe(false);
  });

  it('treats empty variables, as .env.example leaves them, as unset', () => {
    const result = readConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ' });
    expect(result.success).toBe(true);
  });

  it('names every malformed variable in one message', () => {
    const result = readConfig({ DISCORD_TOKEN: 'not-a-token', DISCORD_CLIENT_ID: 'abc', DISCORD_API_URL: 'ftp://x' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.message).toContain('DISCORD_TOKEN');
    expect(result.message).toContain('DISCORD_CLIENT_ID');
    expect(result.message).toContain('DISCORD_API_URL');
  });

  it('never repeats a token value in its message', () => {
    const bad = `${TOKEN}!`;
    const result = readConfig({ DISCORD_TOKEN: bad });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.message).not.toContain(bad.slice(0, 20));
  });

  it('accepts a well-formed token and ids', () => {
    const result = readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:3000/api' });
    expect(result.success).toBe(true);
  });
});

describe('SHARDS', () => {
  it('reads auto or a number of shards, and names anything else', () => {
    expect(readConfig({ SHARDS: 'auto' })).toMatchObject({ success: true, config: { SHARDS: 'auto' } });
    expect(readConfig({ SHARDS: '2' })).toMatchObject({ success: true, config: { SHARDS: 2 } });
    for (const bad of ['0', '-1', 'two', '1.5', 'AUTO2']) {
      const result = readConfig({ SHARDS: bad });
      expect(result.success).toBe(false);
      if (!result.success) expect(result.message).toMatch(/SHARDS: must be auto or a whole number of shards/);
    }
  });

  it('is left to discord.js in a shard’s own process, where it holds that shard’s id', () => {
    const result = readConfig({ SHARDS: '0', SHARDING_MANAGER: 'true', SHARD_COUNT: '2' });
    expect(result.success && result.config.SHARDS).toBeUndefined();
  });
});

describe('the feed and fetching variables', () => {
  it('reads FEEDS and FETCH_ALLOW_HOSTS as comma-separated lists, and the interval and limits as numbers', () => {
    const result = readConfig({
      FEEDS: ' https://news.example/rss.xml , https://other.example/atom ,',
      FEED_INTERVAL_MINUTES: '10',
      FETCH_ALLOW_HOSTS: '127.0.0.1, Intranet.Example,[::1]',
      FETCH_MAX_MB: '2.5',
      FETCH_TIMEOUT_SECONDS: '30',
    });
    expect(result).toMatchObject({
      success: true,
      config: { FEEDS: ['https://news.example/rss.xml', 'https://other.example/atom'], FEED_INTERVAL_MINUTES: 10, FETCH_ALLOW_HOSTS: ['127.0.0.1', 'intranet.example', '[::1]'], FETCH_MAX_MB: 2.5, FETCH_TIMEOUT_SECONDS: 30 },
    });
  });

  it('names every bad one in one message', () => {
    const result = readConfig({ FEEDS: 'https://ok.example/rss, ftp://bad.example/feed', FEED_INTERVAL_MINUTES: 'often', FETCH_ALLOW_HOSTS: 'http://127.0.0.1:8080/', FETCH_MAX_MB: '0', FETCH_TIMEOUT_SECONDS: '-1' });
    expect(result.success).toBe(false);
    if (result.success) return;
    for (const name of ['FEEDS', 'FEED_INTERVAL_MINUTES', 'FETCH_ALLOW_HOSTS', 'FETCH_MAX_MB', 'FETCH_TIMEOUT_SECONDS']) expect(result.message).toContain(name);
    expect(result.message).toMatch(/FEEDS\.1: each feed must be an http/u);
    expect(result.message).toMatch(/FETCH_ALLOW_HOSTS\.0: must be host names/u);
  });

  it('refuses a poll interval under a minute or over a day', () => {
    expect(readConfig({ FEED_INTERVAL_MINUTES: '0' }).success).toBe(false);
    expect(readConfig({ FEED_INTERVAL_MINUTES: '1441' }).success).toBe(false);
    expect(readConfig({ FEED_INTERVAL_MINUTES: '2.5' }).success).toBe(false);
  });
});

describe('requireVariables', () => {
  it('names what deploy-commands is missing', () => {
    const result = readConfig({});
    if (!result.success) throw new Error('unexpected');
    expect(requireVariables(result.config, ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'])).toMatch(/DISCORD_TOKEN, DISCORD_CLIENT_ID are required/);
  });
});
