/** The charts of /figures: drawn once for the same figures, whoever asks, and the same bytes. */
import { describe, expect, it } from 'vitest';
import { answerLine } from '../../src/answer-line.ts';
import { drawChart } from '../../src/render/chart.ts';
import { seedLibrary } from '../support/seed-library.ts';

describe('drawChart', () => {
  it('draws the chart of the same figures once: asked again, or meanwhile, it gives the same PNG', async () => {
    const library = await seedLibrary();
    const first = answerLine(library, '/figures casualties');
    const again = answerLine(library, '/figures casualties');
    if (first.type !== 'figures' || again.type !== 'figures') throw new Error('test: /figures casualties gave no figures');
    const [group] = first.groups.filter((g) => g.dates > 1);
    const [sameGroup] = again.groups.filter((g) => g.dates > 1);
    // Two answers, two group objects, one chart: the second is not drawn again.
    expect(sameGroup).not.toBe(group);
    const [a, b] = await Promise.all([drawChart(group!), drawChart(sameGroup!)]);
    expect(b).toBe(a);
    expect(await drawChart(sameGroup!)).toBe(a);
    expect(a.subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 20_000);
});
