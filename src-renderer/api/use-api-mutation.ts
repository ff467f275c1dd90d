/**
 * `useApiMutation(channel, options?)`: a TanStack mutation over one channel. It does not
 * invalidate anything itself: main announces the tables a write changed, and the
 * DataChangedProvider refreshes the queries that read them.
 */
import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { ChannelName, InputOf, ResultOf } from '../../src-preload/contract';
import type { ApiCallError } from './api-call-error';
import { callApi, type InputArgs } from './call-api';

export type ApiMutationOptions<C extends ChannelName, Ctx = unknown> = Omit<
  UseMutationOptions<ResultOf<C>, ApiCallError, InputOf<C>, Ctx>,
  'mutationFn'
>;

export function useApiMutation<C extends ChannelName, Ctx = unknown>(
  channel: C,
  options?: ApiMutationOptions<C, Ctx>,
): UseMutationResult<ResultOf<C>, ApiCallError, InputOf<C>, Ctx> {
  return useMutation({
    mutationKey: [channel],
    ...options,
    mutationFn: (input: InputOf<C>) => callApi(channel, ...([input] as InputArgs<C>)),
  });
}
