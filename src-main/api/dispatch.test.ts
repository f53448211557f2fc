import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src-shared/errors/codes';
import type { Session } from '../../src-shared/domain/types';
import { createDispatch } from './dispatch';
import type { Handlers } from './handlers';

const packer: Session = { operator: { id: 'op-1', name: 'Ana', role: 'packer', hasBadge: false, active: true }, startedAt: '2026-11-23T10:00:00Z' };
const supervisor: Session = { operator: { ...packer.operator, id: 'op-9', role: 'supervisor' }, startedAt: packer.startedAt };

function setup(session: Session | null, overrides: Partial<Record<keyof Handlers, unknown>> = {}) {
  const handlers = new Proxy(overrides, {
    get: (target, name: string) => (target as Record<string, unknown>)[name] ?? (async () => ({ called: name })),
  }) as unknown as Handlers;
  const onInternalError = vi.fn();
  return { dispatch: createDispatch({ handlers, currentSession: () => session, onInternalError }), onInternalError };
}

describe('the contract dispatcher', () => {
  it('answers an unknown method with a code instead of throwing', async () => {
    const { dispatch } = setup(packer);
    await expect(dispatch('orders:drop', {})).resolves.toMatchObject({ ok: false, error: { code: 'contract.unknown-method' } });
    await expect(dispatch({ toString: () => 'x' }, {})).resolves.toMatchObject({ ok: false, error: { code: 'contract.unknown-method' } });
  });

  it('lets anyone call a public method and asks for a session otherwise', async () => {
    const { dispatch } = setup(null);
    await expect(dispatch('station:info', {})).resolves.toEqual({ ok: true, value: { called: 'station:info' } });
    await expect(dispatch('orders:queue', {})).resolves.toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });

  it('refuses a role the method does not list, and lets a supervisor do everything', async () => {
    await expect(setup(packer).dispatch('operators:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    await expect(setup(supervisor).dispatch('operators:list', {})).resolves.toMatchObject({ ok: true });
  });

  it('parses input strictly: unknown keys, wrong types and missing fields are refused', async () => {
    const { dispatch } = setup(null);
    for (const input of [{ badge: 'OP-0001', admin: true }, { badge: 42 }, {}, 'OP-0001', null]) {
      await expect(dispatch('auth:login-badge', input)).resolves.toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
  });

  it('hands the handler parsed input with defaults filled in', async () => {
    const seen: unknown[] = [];
    const { dispatch } = setup(packer, { 'orders:queue': async (input: unknown) => (seen.push(input), []) });
    await dispatch('orders:queue', {});
    expect(seen).toEqual([{ limit: 100 }]);
  });

  it('turns an AppError into its code and hides any other failure behind "internal"', async () => {
    const { dispatch, onInternalError } = setup(null, {
      'auth:login-badge': async () => {
        throw new AppError('auth.unknown-badge', 'no such badge');
      },
      'station:info': async () => {
        throw new Error('SQLITE_CORRUPT: secret path /home/x');
      },
    });
    await expect(dispatch('auth:login-badge', { badge: 'OP-404' })).resolves.toEqual({ ok: false, error: { code: 'auth.unknown-badge', message: 'no such badge' } });
    const internal = await dispatch('station:info', {});
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(onInternalError).toHaveBeenCalledWith('station:info', expect.any(Error));
  });
});
