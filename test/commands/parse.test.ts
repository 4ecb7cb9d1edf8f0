import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/commands/parse.ts';

describe('parseCommandLine', () => {
  it('puts text after the command name into its default option', () => {
    const parsed = parseCommandLine('/quote Amir Iravani');
    expect(parsed.success && parsed.command.name).toBe('quote');
    expect(parsed.success && parsed.options).toEqual({ query: 'Amir Iravani' });
  });

  it('reads named options, keeping spaces inside a value', () => {
    const parsed = parseCommandLine('/source query:Ain al-Asad');
    expect(parsed.success && parsed.options).toEqual({ query: 'Ain al-Asad' });
  });

  it('reads an article id option', () => {
    const parsed = parseCommandLine('source article:mehr-news-agency-2023-03-25');
    expect(parsed.success && parsed.options).toEqual({ article: 'mehr-news-agency-2023-03-25' });
  });

  it('does not mistake a colon inside words for an option', () => {
    const parsed = parseCommandLine('/source query:News Code: 198808');
    expect(parsed.success && parsed.options).toEqual({ query: 'News Code: 198808' });
  });

  it('reports an unknown command by name', () => {
    expect(parseCommandLine('/quotes Iravani')).toEqual({ success: false, name: 'quotes' });
  });
});
