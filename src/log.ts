/**
 * Structured logs for the bot: one JSON object a line (pino), so a service manager or a log
 * collector can filter by command, time taken and level. Secrets never reach a line: the bot's
 * token and interaction tokens are scrubbed from the finished line, whatever object or error
 * carried them, so a future log call cannot leak one by accident.
 */
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** What replaces a secret in a log line. */
export const REDACTED = '[redacted]';

/**
 * Interaction and webhook tokens appear in the REST paths that discord.js errors quote
 * (`/interactions/:id/:token/callback`); each lets anyone answer as the bot for 15 minutes.
 */
const INTERACTION_TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+)\/[\w.-]{16,}/gu;

/** The line with every secret (and every interaction token in a REST path) replaced. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let scrubbed = line;
  for (const secret of secrets) if (secret) scrubbed = scrubbed.split(secret).join(REDACTED);
  return scrubbed.replace(INTERACTION_TOKEN_IN_PATH, `$1/${REDACTED}`);
}

/**
 * An error as a log object: pino's standard fields, less the request body discord.js attaches to
 * its HTTP errors (a whole reply, with the user's query in it: the log keeps only its length).
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { requestBody: _body, ...rest } = stdSerializers.err(error) as Record<string, unknown>;
  return rest;
}

/** How to build a logger. */
export interface LoggerOptions {
  /** Strings that must never appear in a line: the bot's token. */
  secrets?: readonly string[];
  /** Where lines go; default standard error, written synchronously so a line logged just before `process.exit` is not lost. */
  destination?: { write(line: string): unknown };
  level?: LevelWithSilent;
}

/** A pino logger whose every line is scrubbed of the given secrets. */
export function createLogger({ secrets = [], destination, level = 'info' }: LoggerOptions = {}): Logger {
  const target = destination ?? pino.destination({ fd: 2, sync: true });
  const stream: DestinationStream = { write: (line: string) => void target.write(scrubSecrets(line, secrets)) };
  return pino(
    {
      level,
      timestamp: stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
      // A first line of defence for objects with the usual secret-bearing keys; the stream catches the rest.
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: REDACTED },
    },
    stream,
  );
}

/**
 * Makes a bug that escapes every handler end in one scrubbed line on `logger`, not Node's raw stack
 * (which could quote a request with the token in it), and exit 1 for the service manager.
 */
export function exitOnUnexpectedErrors(logger: Logger): void {
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    process.on(event, (error: unknown) => {
      logger.fatal({ err: error, event }, 'Verbatim stopped on an unexpected error');
      process.exit(1);
    });
  }
}

/** Message-first logging (`warn(message, fields)`) onto a pino logger, for code that also logs to a terminal. */
export function messageLog(logger: Logger): {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  fatal(message: string, fields?: Record<string, unknown>): void;
} {
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    fatal: (message, fields) => logger.fatal(fields ?? {}, message),
  };
}
