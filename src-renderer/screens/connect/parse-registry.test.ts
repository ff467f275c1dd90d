import { describe, expect, it } from 'vitest';
import {
  EMPTY_CONNECTION,
  mergePasted,
  toConnectionInput,
  validateConnection,
  type ConnectionFormValues,
} from './connection-form-model';
import { parseRegistry } from './parse-registry';

const TOKEN = 'tok-0123456789';
const registry = {
  'users.list': { type: 'user', action: 'list', token: TOKEN, fields: ['sf_User ID', 'sf_First Name'] },
  'reports.login_sessions': { type: 'report', action: 'report-query', token: TOKEN, fields: [], reportid: 42 },
};

describe('parseRegistry', () => {
  it('reads a plain registry', () => {
    const r = parseRegistry(JSON.stringify(registry));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.functions.map((f) => f.name)).toEqual(['users.list', 'reports.login_sessions']);
    expect(r.functions[1]).toMatchObject({ reportid: '42', fields: [] });
    expect(r.connection).toEqual({});
  });

  it('reads the sandbox CLI output with its connection settings', () => {
    const cli = {
      url: 'http://127.0.0.1:4567/',
      alias: 'sandbox',
      rootCompanyId: '100',
      apiVersion: 2,
      apiUser: { username: 'api@example.org', password: 'secret!7' },
      functions: registry,
    };
    const r = parseRegistry(JSON.stringify(cli, null, 2));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.connection).toEqual({
      host: 'http://127.0.0.1:4567',
      alias: 'sandbox',
      rootCompanyId: '100',
      apiVersion: 2,
      username: 'api@example.org',
      password: 'secret!7',
    });
    expect(r.functions).toHaveLength(2);
  });

  it('names every broken entry and what is wrong with it', () => {
    const r = parseRegistry(
      JSON.stringify({
        'Users List': { type: 'user', action: 'list', token: TOKEN },
        'users.get': { type: 'usr', action: 'fetch', token: 'short', fields: 'sf_Email', extra: 1 },
        'users.ok': { type: 'user', action: 'get', token: TOKEN },
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.stringMatching(/^Users List: a function name must start with a lowercase letter/),
      'users.get: unknown key "extra" (expected type, action, token, fields, reportid).',
      expect.stringMatching(/^users.get: type "usr" is not a record type/),
      expect.stringMatching(/^users.get: action "fetch" is not an action/),
      'users.get: the token must be 8 to 200 characters.',
      expect.stringMatching(/^users.get: fields must be a list of field names/),
    ]);
  });

  it('explains JSON that does not parse, and an empty paste', () => {
    const bad = parseRegistry('{ "users.list": ');
    expect(!bad.ok && bad.errors[0]).toMatch(/^This is not valid JSON/);
    const empty = parseRegistry('  ');
    expect(!empty.ok && empty.errors[0]).toMatch(/^Nothing pasted yet/);
    const none = parseRegistry('{}');
    expect(!none.ok && none.errors[0]).toMatch(/registry is empty/);
  });

  it('warns when a known name has an unexpected type or action', () => {
    const r = parseRegistry(JSON.stringify({ 'users.list': { type: 'company', action: 'list', token: TOKEN } }));
    expect(r.ok && r.warnings[0]).toMatch(/expects a user list function/);
  });
});

describe('the connection form model', () => {
  const base: ConnectionFormValues = {
    ...EMPTY_CONNECTION,
    name: 'Acme',
    host: 'https://acme.smartsimple.com',
    alias: 'acme',
    rootCompanyId: '12',
    username: 'api@acme.org',
    functions: [
      {
        name: 'users.list',
        type: 'user',
        action: 'list',
        fields: ['sf_Email'],
        reportid: '',
        token: '',
        tokenSet: true,
      },
    ],
  };

  it('sends secrets only when typed: blank keeps the stored ones', () => {
    const input = toConnectionInput(base, 'i1');
    expect(input).not.toHaveProperty('password');
    expect(input.functions[0]).not.toHaveProperty('token');
    const withSecrets = toConnectionInput({
      ...base,
      password: 'pw',
      functions: [{ ...base.functions[0]!, token: ` ${TOKEN} ` }],
    });
    expect(withSecrets).toMatchObject({ password: 'pw', functions: [{ token: TOKEN }] });
    expect(withSecrets).not.toHaveProperty('instanceId');
  });

  it('validates with the contract and puts function problems on the table', () => {
    expect(validateConnection(base)).toEqual({});
    const errors = validateConnection({
      ...base,
      host: 'acme',
      functions: [{ ...base.functions[0]!, token: 'short' }],
    });
    expect(errors.host).toMatch(/^Must be a URL/);
    expect(errors.functions).toBe('users.list (token): at least 8 characters');
  });

  it('merges a paste: same names replaced, others kept unless replacing all', () => {
    const r = parseRegistry(JSON.stringify({ url: 'http://127.0.0.1:1', alias: 'sbx', functions: registry }));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const merged = mergePasted(
      { ...base, functions: [...base.functions, { ...base.functions[0]!, name: 'old.fn' }] },
      r,
      false,
    );
    expect(merged.functions.map((f) => [f.name, f.token, f.tokenSet])).toEqual([
      ['old.fn', '', true],
      ['reports.login_sessions', TOKEN, false],
      ['users.list', TOKEN, true],
    ]);
    expect(merged).toMatchObject({ host: 'http://127.0.0.1:1', alias: 'sbx', name: 'Acme' });
    expect(mergePasted(base, r, true).functions.map((f) => f.name)).toEqual(['reports.login_sessions', 'users.list']);
    expect(mergePasted(EMPTY_CONNECTION, r, true).name).toBe('sbx');
  });
});
