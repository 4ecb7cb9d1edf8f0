/** Reads a typed command line (`/quote Iravani`, `/source article:mehr-2023-03-25`) into a command and its options. */
import type { Command, CommandOptions } from './answer.ts';
import { findCommand } from './registry.ts';

/** A parsed line: the command and its options, or the name that matched no command. */
export type ParsedLine = { success: true; command: Command; options: CommandOptions } | { success: false; name: string };

/**
 * Parses `/name text` or `/name option:value …`. A value runs to the next `option:` of the same
 * command, so `/source query:Ain al-Asad` keeps its spaces; text before any `option:` fills the
 * command's default option.
 */
export function parseCommandLine(line: string): ParsedLine {
  const trimmed = line.trim().replace(/^\//u, '');
  const name = /^\S*/u.exec(trimmed)![0].toLowerCase();
  const command = findCommand(name);
  if (!command) return { success: false, name };
  const rest = trimmed.slice(name.length).trim();
  const names = command.options.map((o) => o.name);
  const options: Record<string, string> = {};
  if (names.length === 0) return { success: true, command, options };
  const marker = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'giu');
  const markers = [...rest.matchAll(marker)];
  const leading = (markers.length > 0 ? rest.slice(0, markers[0]!.index) : rest).trim();
  if (leading && command.defaultOption) options[command.defaultOption] = leading;
  markers.forEach((m, i) => {
    const valueStart = m.index + m[0].length;
    const valueEnd = i + 1 < markers.length ? markers[i + 1]!.index : rest.length;
    options[m[1]!.toLowerCase()] = rest.slice(valueStart, valueEnd).trim();
  });
  return { success: true, command, options };
}
