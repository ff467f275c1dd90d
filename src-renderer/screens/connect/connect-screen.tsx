/** Connect: a placeholder until the screen is built; it says what will live here. */
import { IconPlugConnected } from '@tabler/icons-react';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function ConnectScreen() {
  return (
    <PlaceholderScreen
      title="Connect"
      icon={IconPlugConnected}
      summary="Connect Admin Desk to a SmartSimple instance and check that it answers."
      meanwhile="Meanwhile, add or pick an instance in Settings."
      planned={[
        'Instance settings: host, alias, root company id, API version and the function registry',
        'Secrets (API password, function tokens, LLM key) kept in the OS keychain, never on disk',
        'A connection test that names each SmartConnect function that works or fails',
        'The sandbox instance, one click away, to try everything safely',
      ]}
    />
  );
}
