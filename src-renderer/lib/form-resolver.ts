/**
 * A Mantine form `validate` function from a contract zod schema, so a form checks exactly what
 * main will check, field by field, before anything is sent. Zod's generic wording ("Too small:
 * expected string to have >=1 characters") is turned into what a person would write.
 */
import type { FormErrors } from '@mantine/form';
import type { z } from 'zod';

export function friendlyMessage(issue: z.core.$ZodIssue): string {
  // Only zod's own wording is replaced; a message the contract wrote is kept.
  const isDefault = /^(Too small|Invalid input)/.test(issue.message);
  if (isDefault && issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
    return 'Required';
  if (isDefault && issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
  return capitalize(issue.message);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function zodFormResolver<T>(schema: z.ZodType<unknown, T>) {
  return (values: T): FormErrors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= friendlyMessage(issue);
    }
    return errors;
  };
}
