/** Numbered, forward-only migrations. Add a file, append it here, and give it its own test. */
import type Database from 'better-sqlite3';
import { m0001Initial } from './0001-initial';
import { m0002Connections } from './0002-connections';
import { m0003Mirror } from './0003-mirror';
import { m0004Plans } from './0004-plans';
import { m0005SecretAccounts } from './0005-secret-accounts';
import { m0006AiSuggestions } from './0006-ai-suggestions';
import { m0007ApprovalReasons } from './0007-approval-reasons';
import { m0008Ask } from './0008-ask';
import { m0009IntakeDocuments } from './0009-intake-documents';
import { m0010Helpdesk } from './0010-helpdesk';
import { m0011AskChangesBy } from './0011-ask-changes-by';
import { m0012Investigate } from './0012-investigate';
import { m0013Onboarding } from './0013-onboarding';
import { m0014LogShadows } from './0014-log-shadows';
import { m0015Reviews } from './0015-reviews';
import { m0016LogPersonIndexes } from './0016-log-person-indexes';
import { m0017InvestigatePeerState } from './0017-investigate-peer-state';
import { m0018SessionsPersonIndexDropped } from './0018-sessions-person-index-dropped';
import { m0019DescribeChange } from './0019-describe-change';
import { m0020LifecycleTemplates } from './0020-lifecycle-templates';
import { m0021PeerHoldersDropped } from './0021-peer-holders-dropped';
import { m0022PeopleDepartmentIndex } from './0022-people-department-index';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration transaction: no await, no transaction of its own. */
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  m0001Initial,
  m0002Connections,
  m0003Mirror,
  m0004Plans,
  m0005SecretAccounts,
  m0006AiSuggestions,
  m0007ApprovalReasons,
  m0008Ask,
  m0009IntakeDocuments,
  m0010Helpdesk,
  m0011AskChangesBy,
  m0012Investigate,
  m0013Onboarding,
  m0014LogShadows,
  m0015Reviews,
  m0016LogPersonIndexes,
  m0017InvestigatePeerState,
  m0018SessionsPersonIndexDropped,
  m0019DescribeChange,
  m0020LifecycleTemplates,
  m0021PeerHoldersDropped,
  m0022PeopleDepartmentIndex,
];
