/** A lower-case, hyphenated identifier from a name or a title: `Gerçek News 2023-11-08` → `gercek-news-2023-11-08`. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
