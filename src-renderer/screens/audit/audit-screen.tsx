/** Audit: a placeholder until the screen is built; it says what will live here. */
import { IconShieldSearch } from '@tabler/icons-react';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function AuditScreen() {
  return (
    <PlaceholderScreen
      title="Audit"
      icon={IconShieldSearch}
      summary="Investigate logins and access changes on the active instance."
      meanwhile="Log events appear here after the first sync."
      planned={[
        'Detectors over login sessions and access changes; findings with evidence and a risk score',
        'Questions in plain language turned into a safe query that is shown before it runs',
        'Evidence exports for auditors',
      ]}
    />
  );
}
