import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, scrubSecrets } from '../src/log.ts';

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAx.Gabcde.abcdefghijklmnopqrstuvwxyz012345';

function capture(): { lines: string[]; destination: { write(line: string): void } } {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('the logger', () => {
  it('writes one JSON object a line with the fields given', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info({ command: 'quote', queryLength: 7, results: 19, ms: 1.5 }, 'answered');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'answered', command: 'quote', queryLength: 7, results: 19, ms: 1.5 });
  });

  it('never writes the token, wherever it hides: a message, a field, an error’s message and stack', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ secrets: [TOKEN], destination });
    logger.info(`token is ${TOKEN}`);
    logger.info({ token: TOKEN, config: { DISCORD_TOKEN: TOKEN } }, 'config');
    logger.error({ err: new Error(`login failed for Bot ${TOKEN}`) }, 'failed');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain(REDACTED);
    }
  });

  it('scrubs interaction and webhook tokens from REST paths', () => {
    const line = scrubSecrets('POST /api/v10/interactions/123/aW50ZXJhY3Rpb246abcdefghijklmnop/callback and /webhooks/456/aW50ZXJhY3Rpb246qrstuvwxyz012345/messages/@original', []);
    expect(line).toBe(`POST /api/v10/interactions/123/${REDACTED}/callback and /webhooks/456/${REDACTED}/messages/@original`);
  });
});
