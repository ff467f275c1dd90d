/**
 * The app's data folder, as Electron names it (`app.getPath('userData')` for the package name),
 * so `desk` and the desktop app share one database unless `--data` says otherwise. The
 * ADMIN_DESK_USER_DATA variable overrides both, as it does for the app.
 */
import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'smartsimple-admin-desk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ADMIN_DESK_USER_DATA) return path.resolve(env.ADMIN_DESK_USER_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
