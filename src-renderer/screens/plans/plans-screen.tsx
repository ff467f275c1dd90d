/** Plans: a placeholder until the screen is built; it says what will live here. */
import { IconListCheck } from '@tabler/icons-react';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function PlansScreen() {
  return (
    <PlaceholderScreen
      title="Plans"
      icon={IconListCheck}
      summary="Batches of changes: review, approve, apply, verify and undo."
      meanwhile="Plans will come from Onboarding, Reviews and bulk changes."
      planned={[
        'Operations with before and after, risk, and the API calls they will cost',
        'Approve each operation or the whole plan; privileged ones always one by one',
        'Apply through a journal that survives a crash and never applies twice',
        'Verification by reading back, and an undo plan for every applied batch',
      ]}
    />
  );
}
