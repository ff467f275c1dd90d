/** Saved views of the People list, and its layout. */
import type { Services } from './services';
import type { Handlers } from './dispatch';

export function viewHandlers({
  views,
}: Services): Pick<
  Handlers,
  'views:list' | 'views:create' | 'views:update' | 'views:delete' | 'views:layout' | 'views:setLayout'
> {
  return {
    'views:list': ({ instanceId }) => views.list(instanceId),
    'views:create': ({ instanceId, view }) => views.create(instanceId, view),
    'views:update': ({ instanceId, id, view }) => views.update(instanceId, id, view),
    'views:delete': ({ instanceId, id }) => views.remove(instanceId, id),
    'views:layout': () => views.layout(),
    'views:setLayout': (layout) => views.setLayout(layout),
  };
}
