import type { PillarId } from '../framework/index.ts';

/**
 * What the roadmap infographic is drawn from: plain, already localised data, so that the renderer
 * is a pure function (tested without a database) and the strategy feature decides what goes in.
 */
/**
 * The states a bar can be drawn in, each with its own colour, line and legend entry. The caller maps
 * its own statuses onto these (the strategy owns the action statuses); the renderer owns only how
 * each looks.
 */
export const roadmapStatuses = ['planned', 'running', 'done', 'paused', 'stopped'] as const;
export type RoadmapStatus = (typeof roadmapStatuses)[number];

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface RoadmapMilestone {
  /** ISO date, yyyy-mm-dd. */
  date: string;
  title: string;
  isDone: boolean;
}

export interface RoadmapAction {
  id: string;
  title: string;
  pillar: PillarId;
  themeTitle: string;
  start: Quarter;
  end: Quarter;
  status: RoadmapStatus;
  /** 0–100. */
  progress: number;
  milestones: RoadmapMilestone[];
  /** Ids of actions in the same input that this one depends on. */
  dependsOn: string[];
  /** Localised guard warnings ("technology push", …); shown as a marker and in the text version. */
  warnings: string[];
  /** Set on the regional roadmap, where actions of several organisations share the lanes. */
  organisationName?: string;
}

export interface RoadmapInput {
  locale: 'nl' | 'en';
  organisationName: string;
  strategyTitle: string;
  startYear: number;
  endYear: number;
  /** The lanes, in order (the framework's pillar order), with localised titles. */
  pillars: { id: PillarId; title: string }[];
  actions: RoadmapAction[];
  /** Localised strategy-wide guard warnings (a pillar without actions, …); absent on older inputs. */
  strategyWarnings?: string[];
  /** ISO date of "today": where the today line is drawn and the date printed on the infographic. */
  today: string;
}
