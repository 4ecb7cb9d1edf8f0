/**
 * Configuration from the environment (and `.env`), checked at start-up: every missing or
 * malformed variable is named in one message. Values are never echoed, so the token cannot leak.
 */
import { z } from 'zod';

/** `MAX_ARTICLE_BYTES` when unset: 2 MB, some fifty times a long news article. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits');

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
