import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton, MAX_CUSTOM_ID, OptionStore, STORE_TTL_MS, type ButtonState } from '../../src/discord/custom-id.ts';

const asker = '130000000000000004';
const state = (options: Record<string, string>): ButtonState => ({ command: 'quote', options, userId: asker, action: { type: 'page', page: 3 } });

describe('button custom ids', () => {
  it('hold the command, the query, the page and the asker, and read back without any stored state', () => {
    const id = encodeButton(state({ query: 'Iravani | legal = yes' }), new OptionStore());
    expect(id).toBe(`v1|quote|p3|${asker}|query=Iravani | legal = yes`);
    expect(decodeButton(id, new OptionStore())).toEqual({ success: true, state: state({ query: 'Iravani | legal = yes' }) });
  });

  it('read back the context menu, which holds no options however long the query, and the page indicator', () => {
    const store = new OptionStore();
    const context = encodeButton({ command: 'source', options: { query: 'word '.repeat(40) }, userId: asker, action: { type: 'context' } }, store);
    expect(context).toBe(`v1|source|x0|${asker}|`);
    expect(store.size).toBe(0);
    expect(decodeButton(context, store)).toEqual({ success: true, state: { command: 'source', options: {}, userId: asker, action: { type: 'context' } } });
    const here = encodeButton({ command: 'quote', options: {}, userId: asker, action: { type: 'here', page: 2 } }, store);
    expect(decodeButton(here, store)).toEqual({ success: true, state: { command: 'quote', options: {}, userId: asker, action: { type: 'here', page: 2 } } });
  });

  it('keep a query too long for 100 characters in the store, for well over 15 minutes, then say it expired', () => {
    let now = 0;
    const store = new OptionStore({ now: () => now });
    const long = state({ query: 'word '.repeat(40).trim() });
    const id = encodeButton(long, store);
    expect(id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
    now = 15 * 60_000 + 1;
    expect(decodeButton(id, store)).toEqual({ success: true, state: long });
    now = STORE_TTL_MS + 1;
    expect(decodeButton(id, store)).toEqual({ success: false, reason: 'expired', command: 'quote' });
  });

  it('keep the store bounded, dropping the oldest entry first', () => {
    const store = new OptionStore({ maxEntries: 3 });
    const ids = Array.from({ length: 5 }, (_, i) => encodeButton(state({ query: `${i} ${'x'.repeat(100)}` }), store));
    expect(store.size).toBe(3);
    expect(decodeButton(ids[0]!, store).success).toBe(false);
    expect(decodeButton(ids[4]!, store).success).toBe(true);
  });

  it('ignore ids that are not ours or are malformed', () => {
    const store = new OptionStore();
    for (const id of ['other-bot:next', 'v1|quote|p3', 'v1|quote|x3|1|query=a', 'v1|quote|p3|me|query=a', 'v1|quote|p3|1|novalue']) {
      expect(decodeButton(id, store), id).toEqual({ success: false, reason: 'foreign' });
    }
  });
});
