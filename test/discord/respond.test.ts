import { describe, expect, it } from 'vitest';
import { respondPromptly, type Responder } from '../../src/discord/respond.ts';

function recorder(): { calls: string[]; responder: Responder<string> } {
  const calls: string[] = [];
  return {
    calls,
    responder: {
      reply: async (m) => void calls.push(`reply ${m}`),
      defer: async () => void calls.push('defer'),
      edit: async (m) => void calls.push(`edit ${m}`),
    },
  };
}

describe('respondPromptly', () => {
  it('sends an answer that is ready at once as the first reply, never deferring', async () => {
    const { calls, responder } = recorder();
    expect(await respondPromptly(() => 'answer', responder, 50)).toBe('replied');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(calls).toEqual(['reply answer']);
  });

  it('defers an answer not ready in time, then edits it in', async () => {
    const { calls, responder } = recorder();
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('late answer'), 60));
    expect(await respondPromptly(slow, responder, 10)).toBe('deferred');
    expect(calls).toEqual(['defer', 'edit late answer']);
  });

  it('passes on a failure to compute, after deferring if it took long', async () => {
    const { calls, responder } = recorder();
    const failing = () => new Promise<string>((_, reject) => setTimeout(() => reject(new Error('index broke')), 30));
    await expect(respondPromptly(failing, responder, 5)).rejects.toThrow('index broke');
    expect(calls).toEqual(['defer']);
  });

  it('reports the failure to compute when the deferral failed too, leaving no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const responder: Responder<string> = { reply: async () => undefined, defer: () => Promise.reject(new Error('10062 Unknown interaction')), edit: async () => undefined };
      const failing = () => new Promise<string>((_, reject) => setTimeout(() => reject(new Error('index broke')), 30));
      await expect(respondPromptly(failing, responder, 5)).rejects.toThrow('index broke');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
