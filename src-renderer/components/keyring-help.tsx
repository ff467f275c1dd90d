/**
 * How to get an OS keychain when there is none: what each system needs, and for a Linux box
 * without a desktop the exact commands that start a Secret Service (gnome-keyring inside a D-Bus
 * session) and Admin Desk within it. Shown on Connect wherever a secret cannot be saved.
 */
import { ActionIcon, Code, CopyButton, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export const KEYRING_INSTALL = 'sudo apt-get install gnome-keyring dbus libsecret-1-0';
export const KEYRING_START =
  'dbus-run-session -- bash -c \'read -rsp "Keyring password: " pw; echo; ' +
  'echo -n "$pw" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npm start\'';

function Command({ text, label }: { text: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Code block style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} aria-label={label}>
        {text}
      </Code>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy: ${label}`}>
            <ActionIcon variant="subtle" onClick={copy} aria-label={`Copy: ${label}`}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function KeyringHelp() {
  return (
    <Stack gap={6} data-testid="keyring-help">
      <Text size="sm" fw={600}>
        How to get a keychain
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          macOS and Windows: the Keychain and the Credential Manager are always there; sign in normally.
        </List.Item>
        <List.Item>
          Linux with a desktop: sign in to a GNOME or KDE session (it starts GNOME Keyring or KWallet), then start Admin
          Desk from that session.
        </List.Item>
        <List.Item>Linux without a desktop (a server, SSH, a container): install the keyring once,</List.Item>
      </List>
      <Command text={KEYRING_INSTALL} label="install the keyring" />
      <Text size="sm">
        then start Admin Desk inside its own keyring session (it asks for a password for the keyring):
      </Text>
      <Command text={KEYRING_START} label="start Admin Desk with a keyring" />
      <Text size="xs" c="dimmed">
        Then come back to this screen: the notice goes away once the keychain answers. The built-in sandbox works
        without any of this.
      </Text>
    </Stack>
  );
}
