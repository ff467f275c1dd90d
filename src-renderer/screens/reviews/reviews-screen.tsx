/** Reviews: a placeholder until the screen is built; it says what will live here. */
import { IconChecklist } from '@tabler/icons-react';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function ReviewsScreen() {
  return (
    <PlaceholderScreen
      title="Reviews"
      icon={IconChecklist}
      summary="Access review campaigns with keep or revoke recommendations."
      meanwhile="Campaigns start from the roles synced from the active instance."
      planned={[
        'Campaigns over roles, programs or people, with a reviewer per group',
        'Keep/revoke recommendations with their confidence and explanation',
        'Decisions that become a plan to approve and apply',
      ]}
    />
  );
}
