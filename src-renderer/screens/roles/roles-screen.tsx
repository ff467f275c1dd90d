/** Roles: a placeholder until the screen is built; it says what will live here. */
import { IconShieldLock } from '@tabler/icons-react';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function RolesScreen() {
  return (
    <PlaceholderScreen
      title="Roles"
      icon={IconShieldLock}
      summary="The roles of the active instance and who holds them."
      meanwhile="Roles appear here after the first sync."
      planned={[
        'Every role with its holders, privileged roles flagged',
        'Who gained or lost a role, and when',
        'A starting point for a bulk change plan or an access review',
      ]}
    />
  );
}
