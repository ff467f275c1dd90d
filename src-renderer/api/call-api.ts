/**
 * The one function that crosses into main: calls a channel through `window.api` and unwraps the
 * result envelope, so TanStack Query sees data or a thrown ApiCallError.
 */
import type { ChannelName, InputOf, ResultOf } from '../../src-preload/contract';
import { ApiCallError } from './api-call-error';

/** `[input]` when the channel needs one, `[input?]` when its input may be omitted. */
export type InputArgs<C extends ChannelName> =
  undefined extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>];

export async function callApi<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<ResultOf<C>> {
  const result = await window.api.invoke(channel, ...args);
  if (!result.ok) throw new ApiCallError(result.error, channel);
  return result.data;
}
