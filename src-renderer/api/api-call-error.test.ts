import { describe, expect, it } from 'vitest';
import { ApiCallError, fieldErrorsOf, formLevelErrorOf, plainFieldMessage, toApiCallError } from './api-call-error';

describe('ApiCallError', () => {
  it('keeps the server code and message', () => {
    const err = new ApiCallError(
      { code: 'CONFLICT', message: 'An instance named "A" already exists.' },
      'instances:create',
    );
    expect(err).toBeInstanceOf(Error);
    expect([err.code, err.message, err.channel]).toEqual([
      'CONFLICT',
      'An instance named "A" already exists.',
      'instances:create',
    ]);
  });

  it('turns anything thrown into an INTERNAL error with its text', () => {
    expect(toApiCallError(new TypeError('x is undefined')).code).toBe('INTERNAL');
    expect(toApiCallError('boom').message).toBe('boom');
  });

  it('maps VALIDATION details to field errors, first message per field', () => {
    const err = new ApiCallError(
      {
        code: 'VALIDATION',
        message: 'Invalid input',
        details: [
          { path: ['host'], message: 'must be a URL' },
          { path: ['host'], message: 'second' },
          { path: [], message: 'form-level' },
          'junk',
        ],
      },
      'instances:create',
    );
    expect(fieldErrorsOf(err)).toEqual({ host: 'must be a URL' });
    expect(fieldErrorsOf(new ApiCallError({ code: 'CONFLICT', message: 'x' }, 'c'))).toEqual({});
  });
});

describe('formLevelErrorOf', () => {
  it('leaves to the fields what the fields show, and keeps the rest for the form', () => {
    const conflict = new ApiCallError({ code: 'CONFLICT', message: 'Taken.' }, 'instances:create');
    const perField = new ApiCallError(
      { code: 'VALIDATION', message: 'Invalid.', details: [{ path: ['host'], message: 'Not a URL' }] },
      'instances:create',
    );
    const unreachable = new ApiCallError({ code: 'UNAVAILABLE', message: 'No keychain.' }, 'connections:save');
    expect(formLevelErrorOf(null)).toBeNull();
    expect(formLevelErrorOf(conflict)).toBeNull();
    expect(formLevelErrorOf(perField)).toBeNull();
    expect(formLevelErrorOf(unreachable)).toBe(unreachable);
  });
});

describe('plainFieldMessage', () => {
  it("turns zod's wording into plain words and keeps the contract's own", () => {
    expect(plainFieldMessage('Too big: expected string to have <=200 characters')).toBe('Limited to 200 characters.');
    expect(plainFieldMessage('Too small: expected string to have >=1 characters')).toBe('Required.');
    expect(plainFieldMessage('Too big: expected array to have <=5000 items')).toBe('At most 5,000 at a time.');
    expect(plainFieldMessage('Invalid input: expected string, received undefined')).toBe('Required.');
    expect(plainFieldMessage('A name is limited to 80 characters.')).toBe('A name is limited to 80 characters.');
    const err = new ApiCallError(
      {
        code: 'VALIDATION',
        message: 'Invalid input for people:search: query: Too big',
        details: [{ path: ['query'], message: 'Too big: expected string to have <=200 characters' }],
      },
      'people:search',
    );
    expect(fieldErrorsOf(err)).toEqual({ query: 'Limited to 200 characters.' });
  });
});
