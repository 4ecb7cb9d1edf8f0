/**
 * The hand-written labels of the evaluation set (`test/fixtures/eval/LABELS.md` says how they are
 * written): their schema, how they are read, and where each labelled span lies in its article.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Article } from '../src/corpus/article.ts';

const KINDS = ['statement', 'phrase', 'scare', 'reported'] as const;
const CATEGORIES = ['killed', 'injured', 'missing', 'attacks', 'rockets', 'deployed', 'other'] as const;

const SpeakerLabelSchema = z.object({ name: z.string().min(1), also: z.array(z.string()).nullish() });

const QuotationLabelSchema = z.object({
  text: z.string().min(1),
  nth: z.number().int().positive().optional(),
  kind: z.enum(KINDS),
  speaker: z.string().nullable(),
});

const NumberLabelSchema = z.object({
  text: z.coerce.string().min(1),
  nth: z.number().int().positive().optional(),
  figure: z.boolean(),
  counted: z.string().nullish(),
  category: z.enum(CATEGORIES).nullish(),
  why: z.string().nullish(),
});

/** One article's labels. */
export const LabelFileSchema = z.object({
  article: z.string().min(1),
  speakers: z.array(SpeakerLabelSchema).nullish(),
  quotations: z.array(QuotationLabelSchema).nullish(),
  numbers: z.array(NumberLabelSchema).nullish(),
});

export type LabelFile = z.infer<typeof LabelFileSchema>;
export type QuotationLabel = z.infer<typeof QuotationLabelSchema>;
export type NumberLabel = z.infer<typeof NumberLabelSchema>;

/** Reads every `.yaml` label file of a folder, by article id. A file that does not fit the schema is a bug in the set: it throws. */
export async function loadLabels(dir: string): Promise<Map<string, LabelFile>> {
  const labels = new Map<string, LabelFile>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort()) {
    const parsed = LabelFileSchema.safeParse(parse(await readFile(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`eval: ${name} does not fit the label schema:\n${z.prettifyError(parsed.error)}`);
    labels.set(parsed.data.article, parsed.data);
  }
  return labels;
}

/** A labelled span located in its article body. */
export interface Located<T> {
  label: T;
  start: number;
  end: number;
}

/** Offset of the nth (from 1) occurrence of `text` in `body` accepted by `accept`, or -1. */
function occurrence(body: string, text: string, nth: number, accept: (at: number) => boolean = () => true): number {
  let seen = 0;
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
    if (!accept(at)) continue;
    seen++;
    if (seen === nth) return at;
  }
  return -1;
}

/** Whether a number's text stands on its own at `at`: not inside a longer word or numeral (`4` in `4,412`, `12` in `4:12`). */
function standsAlone(body: string, at: number, length: number): boolean {
  const before = body.slice(Math.max(0, at - 2), at);
  const after = body.slice(at + length, at + length + 2);
  // A numeral may run into its unit (`10.40pm`, `9km`); a number word may not run into other letters (`one` in `someone`).
  const numeral = /^\p{N}/u.test(body[at]!);
  return !/[\p{L}\p{N}]$|\p{N}[,.:/]$/u.test(before) && !(numeral ? /^\p{N}|^[,.:/]\p{N}/u : /^[\p{L}\p{N}]|^[,.:/]\p{N}/u).test(after);
}

/** Where every label of an article lies in its body; a label whose text is not there is a bug in the set: it throws. */
export function locateLabels(article: Article, labels: LabelFile): { quotations: Located<QuotationLabel>[]; numbers: Located<NumberLabel>[] } {
  const body = article.body;
  const quotations = (labels.quotations ?? []).map((label) => {
    const at = occurrence(body, label.text, label.nth ?? 1);
    if (at < 0) throw new Error(`eval: ${article.id}: quotation not in the body: ${label.text.slice(0, 80)}`);
    return { label, start: at, end: at + label.text.length };
  });
  const seen = new Set<number>();
  for (const q of quotations) {
    if (seen.has(q.start)) throw new Error(`eval: ${article.id}: two quotation labels at one place (give the later one nth): ${q.label.text.slice(0, 80)}`);
    seen.add(q.start);
  }
  const numbers = (labels.numbers ?? []).map((label) => {
    const at = occurrence(body, label.text, label.nth ?? 1, (i) => standsAlone(body, i, label.text.length));
    if (at < 0) throw new Error(`eval: ${article.id}: number not in the body (occurrence ${label.nth ?? 1}): ${label.text}`);
    return { label, start: at, end: at + label.text.length };
  });
  const counted = new Set<number>();
  for (const n of numbers) {
    if (counted.has(n.start)) throw new Error(`eval: ${article.id}: two number labels at one place (give the later one nth): ${n.label.text}`);
    counted.add(n.start);
  }
  return { quotations, numbers };
}
