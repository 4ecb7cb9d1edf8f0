/**
 * `npx tsx scripts/preview-discord.ts [OUT_DIR] ["/quote Iravani" …]`: what the bot's answers look
 * like in Discord, as people see them. Runs the real bot against the local Discord emulator (no
 * network), asks each command, captures the reply payloads it sends (and the context of result 2
 * of the first command, chosen in its menu), renders them as Discord lays them out (dark theme,
 * embeds with their coloured bar, author, title, description, fields, image, footer, select menu
 * and buttons) to HTML, and screenshots that with headless Chromium at phone width (390 px, one
 * phone screen and the whole answer) and at desktop width.
 *
 * Needs Debian's chromium (`apt-get install -y chromium`); `CHROMIUM=/path` names another binary.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { APIEmbed } from 'discord.js';
import { startBot } from '../src/discord/bot.ts';
import { fixedLibrary } from '../src/live-library.ts';
import { createLogger } from '../src/log.ts';
import { DiscordEmulator, type InteractionCallback, type RecordedFile } from '../test/support/discord-emulator.ts';
import { seedLibrary } from '../test/support/seed-library.ts';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
/** A phone screen (CSS px) and what Discord's app takes of it above and below the messages. */
const PHONE = { width: 390, height: 844, header: 96, composer: 84 } as const;
const DESKTOP = { width: 1280, height: 1000 } as const;

/** A reply as captured: its message body and the files sent with it. */
interface Captured {
  command: string;
  data: InteractionCallback['data'];
  files: RecordedFile[];
}

const [outArg, ...asked] = process.argv.slice(2);
const outDir = resolve(outArg ?? 'preview');
const commands = asked.length > 0 ? asked : ['/quote Iravani', '/figures casualties', '/source query:Ain al-Asad'];

/** `/quote Iravani` → the command's name and options, as Discord sends them. */
function parse(line: string): { name: string; options: Record<string, string> } {
  const [name = '', ...rest] = line.replace(/^\//u, '').split(' ');
  const text = rest.join(' ');
  const named = /^(\w+):(.*)$/u.exec(text);
  const defaults: Record<string, string> = { quote: 'query', figures: 'topic', source: 'query' };
  return { name, options: named ? { [named[1]!]: named[2]! } : text ? { [defaults[name] ?? 'query']: text } : {} };
}

/** Asks each command of the real bot through the emulator and captures its replies. */
async function capture(): Promise<Captured[]> {
  const emulator = await new DiscordEmulator().start();
  const library = await seedLibrary();
  const bot = await startBot({ token: emulator.token, library: fixedLibrary(library), apiUrl: emulator.apiUrl, logger: createLogger({ secrets: [emulator.token], destination: { write: () => undefined } }) });
  await emulator.waitForSession();
  const out: Captured[] = [];
  try {
    let user = 1700000000000000000n;
    for (const line of commands) {
      const { name, options } = parse(line);
      const interaction = emulator.sendCommand(name, options, { userId: String(user++) });
      const response = await interaction.response;
      const event = await interaction.waitForEvent((e) => e.kind === 'callback' && e.status < 300);
      out.push({ command: line, data: response.data, files: event.files ?? [] });
      if (out.length === 1 && interaction.original) {
        const rows = (interaction.original.components ?? []) as unknown as { components: { type: number; custom_id: string; options?: { label: string; value: string }[] }[] }[];
        const select = rows.flatMap((row) => row.components).find((c) => c.type === 3);
        const option = select?.options?.[1];
        if (select && option) {
          const context = emulator.sendSelect(select.custom_id, [option.value], interaction.original, { userId: String(user++) });
          out.push({ command: `${line} · Show context for… ${option.label.split(' · ')[0]}`, data: (await context.response).data, files: [] });
        }
      }
    }
  } finally {
    await bot.client.destroy();
    await emulator.stop();
  }
  return out;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Discord markdown as the app shows it, for what the bot sends: escapes, bold, masked links, line breaks. */
function markdown(text: string): string {
  const escapes: string[] = [];
  let out = text.replace(/[\u2068\u2069\u200b]/gu, '').replace(/\\(.)/gu, (_, c: string) => `\u0000${escapes.push(c) - 1}\u0000`);
  out = escapeHtml(out);
  out = out.replace(/\[([^\]]+)\]\(([^)]+)\)/gu, (_, label: string, url: string) => `<a href="${url}">${label}</a>`);
  out = out.replace(/\*\*(.+?)\*\*/gsu, '<strong>$1</strong>');
  out = out.replace(/\u0000(\d+)\u0000/gu, (_, i: string) => escapeHtml(escapes[Number(i)]!));
  return out.replace(/\n/gu, '<br>');
}

function embedHtml(embed: APIEmbed, files: readonly RecordedFile[]): string {
  const colour = `#${(embed.color ?? 0x1e1f22).toString(16).padStart(6, '0')}`;
  const image = embed.image?.url.startsWith('attachment://') ? files.find((f) => `attachment://${f.filename}` === embed.image!.url) : undefined;
  return `<div class="embed" style="border-left-color:${colour}">
    ${embed.author ? `<div class="author">${escapeHtml(embed.author.name)}</div>` : ''}
    ${embed.title ? `<div class="title">${embed.url ? `<a href="${escapeHtml(embed.url)}">${markdown(embed.title)}</a>` : markdown(embed.title)}</div>` : ''}
    ${embed.description ? `<div class="description">${markdown(embed.description)}</div>` : ''}
    ${(embed.fields ?? []).map((f) => `<div class="field"><div class="field-name">${markdown(f.name)}</div><div class="field-value">${markdown(f.value)}</div></div>`).join('')}
    ${image ? `<img class="image" src="data:${image.contentType};base64,${image.data.toString('base64')}">` : ''}
    ${embed.footer ? `<div class="footer">${escapeHtml(embed.footer.text)}</div>` : ''}
  </div>`;
}

function componentsHtml(rows: readonly unknown[]): string {
  return (rows as { components: { type: number; label?: string; placeholder?: string; disabled?: boolean; style?: number }[] }[])
    .map(
      (row) =>
        `<div class="row">${row.components
          .map((c) =>
            c.type === 3
              ? `<div class="select"><span>${escapeHtml(c.placeholder ?? '')}</span><span class="chevron">⌄</span></div>`
              : `<div class="button${c.disabled ? ' disabled' : ''}${c.style === 5 ? ' link' : ''}">${escapeHtml(c.label ?? '')}${c.style === 5 ? ' ↗' : ''}</div>`,
          )
          .join('')}</div>`,
    )
    .join('');
}

/** One reply as a Discord message under the command that asked for it. */
function messageHtml({ command, data, files }: Captured): string {
  const ephemeral = ((data?.flags ?? 0) & 64) !== 0;
  return `<div class="message">
    <div class="reply-to">↱ <b>reader</b> used <span class="cmd">${escapeHtml(command)}</span></div>
    <div class="avatar"></div>
    <div class="body">
      <div class="name">Verbatim <span class="app">APP</span></div>
      ${data?.content ? `<div class="content">${markdown(data.content)}</div>` : ''}
      ${(data?.embeds ?? []).map((e) => embedHtml(e, files)).join('')}
      ${componentsHtml(data?.components ?? [])}
      ${ephemeral ? '<div class="ephemeral">👁 Only you can see this</div>' : ''}
    </div>
  </div>`;
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; background: #313338; color: #dbdee1; font: 16px/1.375 "Liberation Sans", "DejaVu Sans", sans-serif; }
  .chrome-top { height: ${PHONE.header}px; background: #2b2d31; border-bottom: 1px solid #1f2023; padding: 52px 16px 0; font-weight: 600; color: #f2f3f5; }
  .chrome-bottom { position: fixed; bottom: 0; left: 0; right: 0; height: ${PHONE.composer}px; background: #2b2d31; padding: 12px 16px; }
  .chrome-bottom div { background: #383a40; border-radius: 20px; height: 40px; color: #949ba4; padding: 9px 16px; font-size: 15px; }
  .message { display: grid; grid-template-columns: 40px 1fr; column-gap: 12px; padding: 8px 12px 12px 12px; }
  .reply-to { grid-column: 1 / 3; font-size: 13px; color: #b5bac1; margin-bottom: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .reply-to .cmd { color: #00a8fc; }
  .avatar { width: 40px; height: 40px; border-radius: 50%; background: #5865f2; }
  .body { min-width: 0; }
  .name { font-weight: 600; color: #f2f3f5; }
  .app { background: #5865f2; color: #fff; font-size: 10px; padding: 1px 4px; border-radius: 3px; vertical-align: 2px; }
  .content { margin: 2px 0 4px; overflow-wrap: anywhere; }
  .embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 12px 12px 12px; margin-top: 6px; max-width: 520px; font-size: 14px; line-height: 18px; overflow-wrap: anywhere; }
  .author { font-weight: 600; color: #f2f3f5; font-size: 14px; margin-top: 4px; }
  .title { font-weight: 600; font-size: 15px; margin-top: 6px; }
  .title a, .description a, .field-value a { color: #00a8fc; text-decoration: none; }
  .description { margin-top: 6px; }
  .field { margin-top: 8px; }
  .field-name { font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }
  .image { display: block; max-width: 100%; margin-top: 12px; border-radius: 4px; }
  .footer { font-size: 12px; color: #b5bac1; margin-top: 8px; }
  .row { display: flex; gap: 8px; margin-top: 8px; max-width: 520px; }
  .select { flex: 1; display: flex; justify-content: space-between; background: #1e1f22; border-radius: 4px; height: 40px; padding: 8px 12px; color: #949ba4; font-size: 14px; }
  .button { background: #4e5058; color: #fff; border-radius: 4px; height: 32px; padding: 6px 14px; font-size: 14px; font-weight: 500; white-space: nowrap; }
  .button.disabled { opacity: 0.5; }
  .ephemeral { font-size: 12px; color: #949ba4; margin-top: 6px; }
  .spacer { height: ${PHONE.composer + 16}px; }
`;

function page(replies: readonly Captured[], phone: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
    ${phone ? '<div class="chrome-top"># news-discussion</div>' : ''}
    ${replies.map(messageHtml).join('')}
    ${phone ? '<div class="spacer"></div><div class="chrome-bottom"><div>Message #news-discussion</div></div>' : ''}
  </body></html>`;
}

/** Screenshots an HTML file with headless Chromium, in a fresh profile, with nothing reaching the network. */
async function screenshot(html: string, png: string, width: number, height: number): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'verbatim-chromium-'));
  try {
    await run(CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      `--user-data-dir=${profile}`, '--hide-scrollbars', '--force-device-scale-factor=2', `--window-size=${width},${height}`, `--screenshot=${png}`, `file://${html}`,
    ], { timeout: 60_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

const replies = await capture();
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'payloads.json'), JSON.stringify(replies.map((r) => ({ ...r, files: r.files.map((f) => ({ filename: f.filename, size: f.size })) })), null, 2));
for (const [i, reply] of replies.entries()) {
  const slug = reply.command.replace(/[^a-z0-9]+/giu, '-').replace(/^-|-$/gu, '').toLowerCase();
  const phoneHtml = join(outDir, `${i + 1}-${slug}-phone.html`);
  const desktopHtml = join(outDir, `${i + 1}-${slug}-desktop.html`);
  await writeFile(phoneHtml, page([reply], true));
  await writeFile(desktopHtml, page([reply], false));
  await screenshot(phoneHtml, phoneHtml.replace(/\.html$/u, '-screen.png'), PHONE.width, PHONE.height);
  await screenshot(phoneHtml, phoneHtml.replace(/\.html$/u, '.png'), PHONE.width, 1800);
  await screenshot(desktopHtml, desktopHtml.replace(/\.html$/u, '.png'), DESKTOP.width, DESKTOP.height);
  console.log(`${reply.command}: ${outDir}/${i + 1}-${slug}-{phone-screen,phone,desktop}.png`);
}
