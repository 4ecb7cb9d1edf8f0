/** What the README tells people to run as a service holds: node itself gets the stop signal, and the image leaves the token out. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** The fenced blocks of the README in a language. */
async function blocks(language: string): Promise<string[]> {
  const readme = await readFile('README.md', 'utf8');
  return [...readme.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gmu'))].map((m) => m[1]!);
}

describe('running the bot as the README shows', () => {
  it('starts node itself, not npm, in the systemd unit and the container', async () => {
    const [unit] = await blocks('ini');
    const [dockerfile] = await blocks('dockerfile');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node dist\/main\.js$/mu);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/main\.js"\]$/mu);
    // What CMD runs is built in the image, after the sources are copied in.
    expect(dockerfile!.indexOf('RUN npm run build')).toBeGreaterThan(dockerfile!.indexOf('COPY . .'));
  });

  it('keeps .env (the token) and the host’s node_modules out of the image its Dockerfile copies the folder into', async () => {
    const [dockerfile] = await blocks('dockerfile');
    expect(dockerfile).toMatch(/^COPY \. \.$/mu);
    const ignored = (await readFile('.dockerignore', 'utf8')).split('\n').map((l) => l.trim());
    expect(ignored).toContain('.env');
    expect(ignored).toContain('node_modules');
  });
});

describe('the configuration as the README and .env.example give it', () => {
  it('lists every variable Verbatim reads in the README table and in .env.example', async () => {
    const { ConfigSchema } = await import('../src/config.ts');
    const readme = await readFile('README.md', 'utf8');
    const example = await readFile('.env.example', 'utf8');
    for (const name of Object.keys(ConfigSchema.shape)) {
      expect(readme, name).toContain(`| \`${name}\` |`);
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'mu'));
    }
  });

  it('says who can use /add by default and where admins change it', async () => {
    const readme = await readFile('README.md', 'utf8');
    expect(readme).toMatch(/`\/add url:<link>`/u);
    expect(readme).toMatch(/\*\*Manage\s+Messages\*\*/u);
    expect(readme).toMatch(/Server Settings → Integrations/u);
  });
});
