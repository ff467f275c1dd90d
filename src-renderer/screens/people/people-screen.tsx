/** People: a placeholder until the screen is built; it says what will live here. */
import { IconUsers } from '@tabler/icons-react';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function PeopleScreen() {
  return (
    <PlaceholderScreen
      title="People"
      icon={IconUsers}
      summary="The people and organizations synced from the active instance."
      meanwhile="Add an instance in Settings; syncing will start from here."
      planned={[
        'Full and incremental sync, paged and counted against the hourly call budget, with progress and cancel',
        "Search and filter people and organizations; each person's roles and program assignments",
        'The history of changes made to a person, locally and in SmartSimple',
      ]}
    />
  );
}
