/**
 * `useApiQuery(channel, input?, options?)`: a TanStack query over one channel. The key is
 * `[channel, input]`, which is what `data:changed` invalidation matches on (see
 * `api-events-provider.tsx` and `data-changed.ts`), so never build these keys by hand elsewhere.
 */
import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelName, InputOf, ResultOf } from '../../src-preload/contract';
import type { ApiCallError } from './api-call-error';
import { callApi, type InputArgs } from './call-api';

export type ApiQueryKey<C extends ChannelName> = readonly [C, InputOf<C> | undefined];

export type ApiQueryOptions<C extends ChannelName, T = ResultOf<C>> = Omit<
  UseQueryOptions<ResultOf<C>, ApiCallError, T, ApiQueryKey<C>>,
  'queryKey' | 'queryFn'
>;

type QueryArgs<C extends ChannelName, T> =
  undefined extends InputOf<C>
    ? [input?: InputOf<C>, options?: ApiQueryOptions<C, T>]
    : [input: InputOf<C>, options?: ApiQueryOptions<C, T>];

export function apiQueryKey<C extends ChannelName>(channel: C, input?: InputOf<C>): ApiQueryKey<C> {
  return [channel, input] as const;
}

export function useApiQuery<C extends ChannelName, T = ResultOf<C>>(
  channel: C,
  ...[input, options]: QueryArgs<C, T>
): UseQueryResult<T, ApiCallError> {
  return useQuery({
    ...options,
    queryKey: apiQueryKey(channel, input),
    queryFn: () => callApi(channel, ...([input] as InputArgs<C>)),
  });
}
