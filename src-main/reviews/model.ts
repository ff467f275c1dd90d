/**
 * What a campaign is built from, independent of SQLite: the people, roles, programs,
 * assignments, open findings and risk scores the facts store reads from the mirror, and the
 * thresholds the recommendations use (documented in README.md).
 */
import type { FindingKind, ReviewItemKind, RiskContribution } from '../../src-preload/contract';
import type { PersonFacts, RoleFacts } from '../investigate/model';

/** A person as a campaign sees them: the detectors' facts plus what the review shows. */
export interface ReviewPerson extends PersonFacts {
  email: string;
  companyId: number | null;
  organization: string | null;
  managerId: number | null;
}

/**
 * A role: `privileged` is the administrator's flag, `likelyPrivileged` an undecided role that
 * looks privileged and is held mostly by internal staff (as the investigation counts it).
 */
export interface ReviewRole extends RoleFacts {
  utaOnly: boolean;
  /** The administrator's flag: true, false, or null while undecided. */
  flagged: boolean | null;
}

export interface ReviewProgram {
  id: number;
  name: string;
  status: string | null;
  ownerId: number | null;
}

export interface ReviewAssignment {
  personId: number;
  programId: number;
  roleId: number;
  roleName: string | null;
}

/** An open (or acknowledged) finding still detected, with the roles it is about. */
export interface OpenFinding {
  kind: FindingKind;
  personId: number;
  score: number;
  reason: string;
  /** Roles the finding is about (its subject roles; every role for a privileged-unused finding). */
  roleIds: number[];
}

export interface PersonRisk {
  score: number;
  contributions: RiskContribution[];
}

/** Everything the items of a campaign are made from. */
export interface CampaignFacts {
  asOf: number;
  people: ReviewPerson[];
  roles: Map<number, ReviewRole>;
  programs: Map<number, ReviewProgram>;
  assignments: ReviewAssignment[];
  findings: Map<number, OpenFinding[]>;
  risk: Map<number, PersonRisk>;
  /** The scan the findings and risk scores come from. */
  scan: { id: number; asOf: string } | null;
  dormantDays: number;
  peerMinGroup: number;
  /** Privileged access unused this many days is revoked. */
  privilegedUnusedDays: number;
}

/** An item before it is stored: who, what, and the recommendation with its reasons. */
export interface DraftItem {
  kind: ReviewItemKind;
  personId: number;
  roleId: number | null;
  programId: number | null;
  target: string;
  privileged: boolean;
}

/** Thresholds of the recommendations (README.md explains each). */
export const RECOMMEND = {
  /** A sign-in within this many days counts as recent use; longer is shown as a reason. */
  recentDays: 30,
  /** Peers holding it above this share: keep (SailPoint's peer-group rule). */
  peerKeepShare: 0.7,
  /** A privileged role held by at most this share of peers (with peers to compare) is revoked. */
  privilegedRareShare: 0.1,
  /** Risk score bands (the Risk tab's points). */
  mediumRisk: 20,
  highRisk: 50,
} as const;

/** A program status that ends the work on it. */
export const isClosedProgram = (status: string | null): boolean =>
  status !== null && /^(closed|archived|cancell?ed|inactive|completed?)$/i.test(status.trim());
