/** The index is a narrow module: what answers and shows them reaches it through `library.ts` alone. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every TypeScript file under a folder of the project, as paths from the project's root. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

/** What a file imports or re-exports from, as written: static `import … from`, `export … from`, bare `import '…'` and `import('…')`. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gmu;
  return [...text.matchAll(pattern)].map((match) => match[2]!);
}

/** The imports of `file` that resolve into `src/index/`, as paths from the project's root. */
function indexImportsOf(file: string): string[] {
  return importsOf(file)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)))
    .filter((path) => path.startsWith('src/index/'));
}

describe('the index module', () => {
  it('is reached from src/commands, src/render and src/discord through src/index/library.ts only', () => {
    const files = ['src/commands', 'src/render', 'src/discord'].flatMap(sourceFiles);
    const reaching = files.flatMap((file) => indexImportsOf(file).map((path) => `${file} → ${path}`));
    expect(reaching.filter((line) => !line.endsWith('→ src/index/library.ts'))).toEqual([]);
    // The check reads imports as they are written: the commands do import the library.
    expect(reaching).toContain('src/commands/quote.ts → src/index/library.ts');
  });

  it('keeps MiniSearch inside src/index/search.ts', () => {
    const importers = sourceFiles('src').filter((file) => importsOf(file).some((specifier) => specifier === 'minisearch' || specifier.startsWith('minisearch/')));
    expect(importers).toEqual(['src/index/search.ts']);
  });
});
