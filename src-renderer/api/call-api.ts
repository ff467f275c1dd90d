/**
 * The one function that crosses into main: calls a channel through `window.api` and unwraps the
 * result envelope, so TanStack Query sees data or a thrown ApiCallError.
 */
import type { InputArgs } from '../../src-preload/api';
import type { ChannelName, ResultOf } from '../../src-preload/contract';
import { ApiCallError } from './api-call-error';

export type { InputArgs };

export async function callApi<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<ResultOf<C>> {
  const result = await window.api.invoke(channel, ...args);
  if (!result.ok) throw new ApiCallError(result.error, channel);
  return result.data;
}
