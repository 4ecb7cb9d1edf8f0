/**
 * Configuration from the environment (and `.env`), checked at start-up: every missing or
 * malformed variable is named in one message. Values are never echoed, so the token cannot leak.
 */
import * as z from 'zod';

/** `MAX_ARTICLE_BYTES` when unset: 2 MB, some fifty times a long news article. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits');

/** A comma-separated list, its entries trimmed and empty ones dropped. */
const commaList = z.string().transform((text) => text.split(',').map((entry) => entry.trim()).filter(Boolean));

/** A host name or address as `FETCH_ALLOW_HOSTS` lists it: no scheme, no path, no port. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[?[0-9a-f:.]+\]?)$/iu;

/** Every variable Verbatim reads. `.env.example` lists the same. */
export const ConfigSchema = z.object({
  /** The bot's token; without it `npm start` answers in the terminal instead. */
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, 'does not look like a bot token (three parts separated by dots, from the Bot page of the Developer Portal)')
    .optional(),
  /** The application id, needed to register the slash commands. */
  DISCORD_CLIENT_ID: snowflake.optional(),
  /** Register the commands in this server only (instant), rather than globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** Another address for Discord's REST API: a proxy, or the tests' local emulator. */
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The folder of article files. */
  CORPUS_DIR: z.string().min(1).default('corpus'),
  /** Where the saved index is kept (one file per corpus folder); rebuilt whenever the corpus or the code changes. */
  CACHE_DIR: z.string().min(1, 'must name a folder').default('.cache'),
  /**
   * Run the bot as this many shards, one process each (`auto`: as many as Discord recommends);
   * unset: one process, no sharding. Discord requires sharding from 2,500 servers.
   */
  SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d{0,3})$/u, 'must be auto or a whole number of shards from 1')
    .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
    .optional(),
  /** How much the bot logs: `info` (one line per answer) by default; `warn` for problems only. Any case (`INFO`). */
  LOG_LEVEL: z
    .string()
    .toLowerCase()
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent'))
    .default('info'),
  /**
   * The largest corpus file read, in bytes: a larger one is skipped with its reason (and `ingest`
   * refuses to write one), since deriving an article takes time in proportion to its length.
   */
  MAX_ARTICLE_BYTES: z
    .string()
    .regex(/^\d+$/, 'must be a number of bytes, such as 2097152')
    .transform(Number)
    .pipe(z.number().int().positive('must be more than 0'))
    .default(DEFAULT_MAX_ARTICLE_BYTES),
  /** News feeds (RSS or Atom addresses, comma-separated) whose new articles are added to the corpus. */
  FEEDS: commaList.pipe(z.array(z.url({ protocol: /^https?$/, error: 'each feed must be an http:// or https:// address' }))).default([]),
  /** Minutes between two polls of the feeds; the first is at start-up. */
  FEED_INTERVAL_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int('must be a whole number of minutes').min(1, 'must be at least 1 minute').max(1440, 'must be at most 1440 minutes (a day)').default(30),
  /**
   * Hosts fetched from without the address check (comma-separated names or addresses, no http://):
   * only for a server the operator trusts on a private address, such as a test server on 127.0.0.1.
   */
  FETCH_ALLOW_HOSTS: commaList.pipe(z.array(z.string().regex(HOST, 'must be host names or addresses, comma-separated, without http:// or a path or port')).transform((hosts) => hosts.map((h) => h.toLowerCase()))).default([]),
  /** Largest page or feed fetched, in megabytes. */
  FETCH_MAX_MB: z.coerce.number({ error: 'must be a number of megabytes' }).positive('must be more than 0').max(100, 'must be at most 100').default(5),
  /** Longest a fetch may take, redirects included, in seconds. */
  FETCH_TIMEOUT_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive('must be more than 0').max(120, 'must be at most 120').default(15),
});

/** The checked configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/**
 * The configuration, or one message naming every problem. Empty variables count as unset. With
 * `uses`, only those variables are read: a program is not refused over one it never uses (`ask`
 * and a malformed `DISCORD_TOKEN`).
 */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  uses?: readonly (keyof Config)[],
): { success: true; config: Config } | { success: false; message: string } {
  const present = Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => v !== undefined && v.trim() !== '' && (uses === undefined || (uses as readonly string[]).includes(k)))
      .map(([k, v]) => [k, v!.trim()]),
  );
  // In a shard's process, discord.js's shard manager has set SHARDS to that shard's id: not ours to read.
  if (env['SHARDING_MANAGER']) delete present['SHARDS'];
  const result = ConfigSchema.safeParse(present);
  if (result.success) return { success: true, config: result.data };
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  return { success: false, message: `Configuration error (check your environment or .env; .env.example lists every variable):\n${lines.join('\n')}` };
}

/** The variables a task needs beyond the schema, named in one message when missing. */
export function requireVariables(config: Config, names: readonly (keyof Config)[]): string | null {
  const missing = names.filter((name) => config[name] === undefined);
  return missing.length === 0 ? null : `Configuration error: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required for this command (see .env.example).`;
}
