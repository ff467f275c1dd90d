/** The renderer's API layer: calls, queries, mutations, events and errors. */
export {
  ApiCallError,
  ERROR_NEXT_STEPS,
  ERROR_TITLES,
  fieldErrorsOf,
  fieldMessageOf,
  formLevelErrorOf,
  plainFieldMessage,
  toApiCallError,
} from './api-call-error';
export { ApiEventsProvider } from './api-events-provider';
export { callApi } from './call-api';
export { queryReadsAny, readsOf } from './data-changed';
export { isJobActive } from './jobs-store';
export { notifyError, notifyRefusal, notifySuccess } from './notify-error';
export { createQueryClient } from './query-client';
export { useApiMutation } from './use-api-mutation';
export { apiQueryKey, useApiQuery } from './use-api-query';
export { useJobs, type JobsView } from './use-jobs';
