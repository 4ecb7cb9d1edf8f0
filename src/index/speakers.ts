/**
 * Joins the people of every article into one list of speakers, so one person keeps one name
 * across articles however each spells it (`Amir Saeid Iravani`, `Amir Saeed Iravani`).
 */
import { givenNamesCompatible, type LocalPerson } from './people.ts';
import { slug } from '../slug.ts';
import type { Speaker } from './types.ts';

/** A person of one article, with how many quotations the article gives them. */
export interface PersonInArticle {
  person: LocalPerson;
  quotations: number;
}

/**
 * Groups people by surname and compatible given names. A surname alone (`Iravani` in an article
 * that never gives his full name) joins a group only when exactly one group has that surname:
 * a surname never merges two different people.
 */
export function mergeSpeakers(people: readonly PersonInArticle[]): { speakers: Speaker[]; speakerOf: Map<LocalPerson, Speaker> } {
  interface Group {
    kind: LocalPerson['kind'];
    surname: string;
    given: string[];
    members: PersonInArticle[];
  }
  const groups: Group[] = [];
  // Organisations join by their whole name (`Pentagon` in every article that quotes it), people by surname and given names.
  const persons = people.filter((p) => p.person.kind === 'person');
  for (const entry of people.filter((p) => p.person.kind === 'organisation')) {
    const group = groups.find((g) => g.kind === 'organisation' && g.surname === entry.person.surname);
    if (group) group.members.push(entry);
    else groups.push({ kind: 'organisation', surname: entry.person.surname, given: [], members: [entry] });
  }
  const full = persons.filter((p) => p.person.given.length > 0);
  const bare = persons.filter((p) => p.person.given.length === 0);
  for (const entry of full) {
    const group = groups.find((g) => g.kind === 'person' && g.surname === entry.person.surname && givenNamesCompatible(g.given, entry.person.given));
    if (group) {
      group.members.push(entry);
      if (entry.person.given.length > group.given.length) group.given = entry.person.given;
    } else {
      groups.push({ kind: 'person', surname: entry.person.surname, given: entry.person.given, members: [entry] });
    }
  }
  for (const entry of bare) {
    const candidates = groups.filter((g) => g.kind === 'person' && g.surname === entry.person.surname);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only) only.members.push(entry);
    else groups.push({ kind: 'person', surname: entry.person.surname, given: [], members: [entry] });
  }

  const speakers: Speaker[] = [];
  const speakerOf = new Map<LocalPerson, Speaker>();
  const usedIds = new Set<string>();
  for (const group of groups) {
    if (group.members.every((m) => m.quotations === 0)) continue;
    // The spelling most quoted wins; on a tie, the first seen (articles come in date order).
    const counts = new Map<string, number>();
    for (const m of group.members) counts.set(m.person.name, (counts.get(m.person.name) ?? 0) + m.quotations + 0.001);
    const name = [...counts.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
    const aliases = new Set(group.members.map((m) => m.person.name));
    aliases.delete(name);
    const descriptors = new Set(group.members.flatMap((m) => [...m.person.descriptors]));
    let id = slug(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(name)}-${n}`;
    usedIds.add(id);
    const speaker: Speaker = { id, kind: group.kind, name, aliases: [...aliases], descriptors: [...descriptors] };
    speakers.push(speaker);
    for (const m of group.members) speakerOf.set(m.person, speaker);
  }
  return { speakers, speakerOf };
}
