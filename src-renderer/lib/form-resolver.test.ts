import { describe, expect, it } from 'vitest';
import { instanceInputSchema } from '../../src-preload/contract';
import { zodFormResolver } from './form-resolver';

const validate = zodFormResolver(instanceInputSchema);
const valid = {
  name: 'Acme',
  host: 'https://acme.smartsimple.com',
  alias: 'acme',
  rootCompanyId: '123',
  apiVersion: 2 as const,
};

describe('zodFormResolver with the contract schema', () => {
  it('accepts what main accepts', () => {
    expect(validate(valid)).toEqual({});
  });

  it('gives one readable error per field', () => {
    const errors = validate({ name: ' ', host: '', alias: 'a b', rootCompanyId: '12x', apiVersion: 2 });
    expect(errors).toEqual({
      name: 'Must not be empty',
      host: 'Required',
      alias: 'Letters, digits, dash or underscore',
      rootCompanyId: 'Digits only',
    });
  });

  it('explains a malformed host', () => {
    expect(validate({ ...valid, host: 'acme.smartsimple.com' }).host).toMatch(/^Must be a URL/);
  });
});
