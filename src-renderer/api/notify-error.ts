/**
 * Shows a failed call as a notification: the server's message (what happened) and the next step
 * for its code (what to do). Identical errors share one notification instead of stacking. Also the
 * renderer's own refusals and successes, so every notification looks the same.
 */
import { notifications } from '@mantine/notifications';
import { ERROR_NEXT_STEPS, ERROR_TITLES, toApiCallError } from './api-call-error';

export function notifyError(err: unknown, title?: string): void {
  const error = toApiCallError(err);
  // Cancelling is the user's own action: it is not worth a red banner.
  if (error.code === 'CANCELLED') return;
  const id = `api-error:${error.code}:${error.message}`.slice(0, 200);
  notifications.hide(id);
  notifications.show({
    id,
    color: error.code === 'RATE_LIMITED' ? 'yellow' : 'red',
    title: title ?? ERROR_TITLES[error.code],
    message: `${error.message} ${ERROR_NEXT_STEPS[error.code]}`,
    autoClose: error.code === 'INTERNAL' ? false : 8000,
    withBorder: true,
  });
}

/** A refusal made here, before any call (a file too large to send): what happened and what to do. */
export function notifyRefusal(message: string, title: string): void {
  notifications.show({ color: 'red', title, message, autoClose: 10_000, withBorder: true });
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 3000 });
}
