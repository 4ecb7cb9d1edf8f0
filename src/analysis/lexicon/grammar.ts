/**
 * Grammar words the rules need to find a sentence's verb: the one home of the irregular past forms
 * that end a subject (`Ada Halloran went to the hospital`), which no `-ed` pattern finds.
 */

/** Irregular past forms common in news narrative; with `-ed` forms and auxiliaries, they end a sentence's subject. */
export const IRREGULAR_PAST: readonly string[] = [
  'went', 'came', 'took', 'gave', 'made', 'got', 'ran', 'left', 'stood', 'sat', 'held', 'met', 'saw', 'found', 'lost', 'fled',
  'fought', 'led', 'spent', 'brought', 'kept', 'began', 'became', 'won', 'fell', 'rose', 'sent', 'spoke', 'knew', 'thought',
  'felt', 'heard', 'paid', 'put', 'set', 'built', 'drove', 'flew', 'grew', 'hid', 'hit', 'shot', 'struck', 'threw', 'woke', 'broke', 'turned',
];
