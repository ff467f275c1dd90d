/**
 * Settings, AI, end to end against the real backend: the local engine is in use at first, the
 * form refuses an http:// endpoint on another machine at its field and nothing is saved, a local
 * endpoint is saved with its key and the key removed again, and the suggestion rates say none were
 * made yet. No real LLM is reachable here, so no successful
 * connection is tested (the channel's own test does that against a stub).
 */
import { expect, snapshot, test } from './fixtures';

test('the AI section: local engine, an http:// endpoint refused at its field, no suggestions yet', async ({
  app,
  harness,
}) => {
  await app.goto(`${harness.url}#/settings`);
  const section = app.getByTestId('settings-ai');
  await expect(section).toBeVisible();
  await expect(section.getByTestId('ai-engine')).toContainText('Local engine (on this computer, no network)');
  await expect(section.getByTestId('llm-privacy-note')).toContainText('Only pseudonymized text is sent');
  await expect(section.getByTestId('llm-key-status')).toHaveText('No key is stored.');
  await expect(section.getByTestId('ai-rates-empty')).toHaveText(
    'No AI suggestions yet. They appear as you use onboarding, reviews and the help desk.',
  );

  const form = section.getByTestId('llm-settings-form');
  await form.getByLabel('Use the LLM for suggestions').check({ force: true });
  await form.getByLabel('Base URL').fill('http://example.org/v1');
  await form.getByLabel('Model').fill('gpt-4o-mini');
  await form.getByLabel('API key').fill('sk-never-saved');
  await form.getByRole('button', { name: 'Save AI settings' }).click();

  const baseUrl = form.getByLabel('Base URL');
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/Use https:\/\/ for a server on another machine/)).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await snapshot(app, 'settings-ai');

  // Nothing was saved: still the local engine, LLM off, no key in the keychain.
  const status = await harness.backend.invoke('ai:status');
  expect(status).toMatchObject({ ok: true, data: { engine: 'local', llm: { enabled: false, keySet: false } } });
  await expect(section.getByTestId('ai-engine')).toHaveAttribute('data-engine', 'local');

  // A server on this computer may use http://: saved, the key goes to the keychain and the field empties.
  await baseUrl.fill('http://127.0.0.1:9/v1');
  await form.getByRole('button', { name: 'Save AI settings' }).click();
  await expect(section.getByTestId('ai-engine')).toContainText('LLM: gpt-4o-mini at http://127.0.0.1:9/v1');
  await expect(section.getByTestId('llm-key-status')).toContainText('A key is stored');
  await expect(form.getByLabel('API key')).toHaveValue('');
  await expect(form.getByLabel('Timeout (seconds)')).toHaveValue('30');

  // Remove key sends key: null; the settings stay, and the section says the endpoint gets no key.
  await section.getByRole('button', { name: 'Remove key' }).click();
  await expect(section.getByTestId('llm-key-status')).toHaveText('No key is stored.');
  await expect(section.getByTestId('ai-llm-problem')).toContainText('No key is stored');
  await snapshot(app, 'settings-ai-llm');
  expect(await harness.backend.invoke('ai:status')).toMatchObject({
    ok: true,
    data: { engine: 'llm', llm: { enabled: true, baseUrl: 'http://127.0.0.1:9/v1', timeoutMs: 30_000, keySet: false } },
  });
});
