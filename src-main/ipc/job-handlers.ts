import { notFound } from '../errors/app-error';
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function jobHandlers(s: Services): Pick<Handlers, 'jobs:list' | 'jobs:cancel'> {
  return {
    'jobs:list': () => s.jobs.list(),
    'jobs:cancel': ({ id }) => {
      const job = s.jobs.cancel(id);
      if (!job) throw notFound('A running job with that id');
      return job;
    },
  };
}
