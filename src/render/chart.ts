/**
 * Charts of figures over time, drawn in the process: a Vega-Lite specification compiled by
 * vega-lite, rendered to SVG by vega (no browser, no canvas), turned into PNG by resvg (a Rust
 * renderer whose binaries ship inside its npm packages). The font is DejaVu Sans from an npm
 * package, never the machine's fonts, and dates are UTC: the same answer gives the same bytes on
 * any machine.
 */
import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import type { FigureGroupResult } from '../commands/answer.ts';
import { countedLabel } from '../commands/figure-groups.ts';
import { figureNumber, shortDate } from './citation.ts';
import type { DiscordMessage } from './discord.ts';

/**
 * The plot's size in CSS pixels; the PNG is drawn at twice that, sharp on a phone. Small, with
 * large type: Discord shrinks an embed's image to the embed's width, about 270 px on a phone.
 */
const WIDTH = 340;
const HEIGHT = 180;
const SCALE = 2;
const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILE = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
/** Discord's dark theme behind the chart, so it sits in an embed as Discord's own colours do. */
const COLOURS = { background: '#2b2d31', text: '#dbdee1', grid: '#3f4147', line: '#99aab5', point: '#ffffff' } as const;

/** The Vega-Lite specification of a group's figures over time: a point per figure, labelled with its number (qualifier and all) and outlet. */
export function chartSpec(group: FigureGroupResult): TopLevelSpec {
  const values = group.results
    .filter((r) => r.value !== null)
    .map((r, i) => ({ date: r.article.published, value: r.value, label: `${figureNumber(r)} · ${r.article.outlet}`, day: shortDate(r.article.published), first: i === 0 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    background: COLOURS.background,
    padding: 16,
    title: { text: countedLabel(group), subtitle: 'as reported, by date of the article', color: COLOURS.text, subtitleColor: COLOURS.text, anchor: 'start', font: FONT_FAMILY, subtitleFont: FONT_FAMILY, fontSize: 18, subtitleFontSize: 13 },
    config: { font: FONT_FAMILY, view: { stroke: null }, axis: { labelFontSize: 13, labelColor: COLOURS.text, titleColor: COLOURS.text, gridColor: COLOURS.grid, domainColor: COLOURS.grid, tickColor: COLOURS.grid, labelFont: FONT_FAMILY, titleFont: FONT_FAMILY } },
    data: { values },
    encoding: {
      // A tick at each figure's date, and only there: the dates are what a reader compares by.
      x: { field: 'date', type: 'temporal', scale: { type: 'utc', padding: 70 }, axis: { title: null, format: '%-d %b %Y', labelAngle: 0, values: [...new Set(values.map((v) => Date.parse(v.date)))], grid: false, labelOverlap: 'greedy' } },
      y: { field: 'value', type: 'quantitative', scale: { zero: true, nice: true }, axis: { title: null, format: ',d', tickCount: 5 } },
    },
    layer: [
      { mark: { type: 'line', color: COLOURS.line, strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 70, color: COLOURS.point } },
      // The first label reads rightwards from its point, the others end at theirs: they stay clear of the axis and inside the picture.
      { transform: [{ filter: 'datum.first' }], mark: { type: 'text', align: 'left', dx: -6, dy: -14, fontSize: 14, color: COLOURS.text, font: FONT_FAMILY }, encoding: { text: { field: 'label' } } },
      { transform: [{ filter: '!datum.first' }], mark: { type: 'text', align: 'right', dx: 6, dy: -14, fontSize: 14, color: COLOURS.text, font: FONT_FAMILY }, encoding: { text: { field: 'label' } } },
    ],
  };
}

/** The charting libraries, loaded once when first asked for: most answers draw no chart, and they take half a second to load. */
let libraries: Promise<[typeof import('vega-lite'), typeof import('vega'), typeof import('@resvg/resvg-js')]> | null = null;

/** Loads the charting libraries ahead of the first chart (the bot does so once connected), so no answer waits for them. */
export function preloadCharts(): Promise<unknown> {
  libraries ??= Promise.all([import('vega-lite'), import('vega'), import('@resvg/resvg-js')]);
  return libraries;
}

/** How many charts `drawChart` keeps, newest used last (a chart's PNG is some 30–60 KB). */
const KEPT_CHARTS = 64;

/**
 * Charts drawn lately, by their spec. Drawing one holds the event loop some 15 ms (Vega's SVG) and
 * takes as long again in resvg; an answer asked again, or paged through, has the same chart, and
 * under a burst of `/figures` the drawing alone made interactions miss Discord's 3 seconds. A
 * chart being drawn is kept too, so that the same chart asked for meanwhile is drawn once.
 */
const drawn = new Map<string, Promise<Buffer>>();

/** The PNG of a group's chart: the same bytes for the same figures, drawn once while it is kept. */
export function drawChart(group: FigureGroupResult): Promise<Buffer> {
  const spec = chartSpec(group);
  const key = JSON.stringify(spec);
  let png = drawn.get(key);
  if (png) drawn.delete(key);
  else {
    png = render(spec);
    // A failure is not kept: the next answer tries again.
    png.catch(() => drawn.delete(key));
  }
  drawn.set(key, png);
  if (drawn.size > KEPT_CHARTS) drawn.delete(drawn.keys().next().value!);
  return png;
}

/** Draws a Vega-Lite spec: Vega to SVG on this thread, then resvg to PNG on libuv's thread pool, off the event loop. */
async function render(chart: TopLevelSpec): Promise<Buffer> {
  await preloadCharts();
  const [{ compile }, { parse, View }, { renderAsync }] = await libraries!;
  const { spec } = compile(chart);
  const view = new View(parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  return image.asPng();
}

/** A message ready to send: its charts drawn, as files discord.js uploads. */
export type SendableMessage = DiscordMessage & { files?: { attachment: Buffer; name: string }[] };

/** The message with its charts drawn and attached (the cards refer to them as `attachment://name`). */
export async function withCharts(message: DiscordMessage): Promise<SendableMessage> {
  if (!message.charts || message.charts.length === 0) return message;
  const files = await Promise.all(message.charts.map(async ({ name, group }) => ({ attachment: await drawChart(group), name })));
  return { ...message, files };
}
