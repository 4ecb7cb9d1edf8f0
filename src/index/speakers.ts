/**
 * Joins the people of every article into one list of speakers, so one person keeps one name
 * across articles however each spells it (`Amir Saeid Iravani`, `Amir Saeed Iravani`).
 */
import { givenNamesCompatible, type LocalPerson } from '../analysis/people/people.ts';
import { slug } from '../slug.ts';
import type { Speaker } from '../analysis/types.ts';

/** What merging needs of a person of one article. */
export type MergeablePerson = Pick<LocalPerson, 'kind' | 'name' | 'surname' | 'given' | 'alias'>;

/** A person of one article, with how many quotations the article gives them. */
export interface PersonInArticle<P extends MergeablePerson = LocalPerson> {
  person: P;
  quotations: number;
}

/**
 * Groups people by surname and compatible given names. A surname alone (`Iravani` in an article
 * that never gives his full name) joins a group only when exactly one group has that surname:
 * a surname never merges two different people.
 */
export function mergeSpeakers<P extends MergeablePerson>(people: readonly PersonInArticle<P>[]): { speakers: Speaker[]; speakerOf: Map<P, Speaker> } {
  interface Group {
    kind: LocalPerson['kind'];
    surname: string;
    given: string[];
    members: PersonInArticle<P>[];
  }
  const groups: Group[] = [];
  // Groups by kind and surname, in the order made: a corpus of thousands of articles has thousands of groups, too many to search one by one.
  const bySurname = new Map<string, Group[]>();
  const sameSurname = (kind: Group['kind'], surname: string): Group[] => bySurname.get(`${kind}:${surname}`) ?? [];
  const add = (group: Group): void => {
    groups.push(group);
    const key = `${group.kind}:${group.surname}`;
    const list = bySurname.get(key);
    if (list) list.push(group);
    else bySurname.set(key, [group]);
  };
  // Organisations join by their whole name (`Pentagon` in every article that quotes it), people by surname and given names.
  const persons = people.filter((p) => p.person.kind === 'person');
  for (const entry of people.filter((p) => p.person.kind === 'organisation')) {
    const group = sameSurname('organisation', entry.person.surname)[0];
    if (group) group.members.push(entry);
    else add({ kind: 'organisation', surname: entry.person.surname, given: [], members: [entry] });
  }
  // An unnamed source (`a senior official`) is never merged with another, not even one described alike elsewhere.
  for (const entry of people.filter((p) => p.person.kind === 'unnamed')) groups.push({ kind: 'unnamed', surname: entry.person.surname, given: [], members: [entry] });
  const full = persons.filter((p) => p.person.given.length > 0);
  const bare = persons.filter((p) => p.person.given.length === 0);
  for (const entry of full) {
    const group = sameSurname('person', entry.person.surname).find((g) => givenNamesCompatible(g.given, entry.person.given));
    if (group) {
      group.members.push(entry);
      if (entry.person.given.length > group.given.length) group.given = entry.person.given;
    } else {
      add({ kind: 'person', surname: entry.person.surname, given: entry.person.given, members: [entry] });
    }
  }
  for (const entry of bare) {
    const candidates = sameSurname('person', entry.person.surname);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only) only.members.push(entry);
    else add({ kind: 'person', surname: entry.person.surname, given: [], members: [entry] });
  }

  const speakers: Speaker[] = [];
  const speakerOf = new Map<P, Speaker>();
  const usedIds = new Set<string>();
  for (const group of groups) {
    if (group.members.every((m) => m.quotations === 0)) continue;
    // The spelling most quoted wins; on a tie, the first seen (articles come in date order).
    const counts = new Map<string, number>();
    for (const m of group.members) counts.set(m.person.name, (counts.get(m.person.name) ?? 0) + m.quotations + 0.001);
    const name = [...counts.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
    const aliases = new Set(group.members.flatMap((m) => [m.person.name, ...(m.person.alias ? [m.person.alias] : [])]));
    aliases.delete(name);
    let id = slug(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(name)}-${n}`;
    usedIds.add(id);
    const speaker: Speaker = { id, kind: group.kind, name, aliases: [...aliases] };
    speakers.push(speaker);
    for (const m of group.members) speakerOf.set(m.person, speaker);
  }
  return { speakers, speakerOf };
}
