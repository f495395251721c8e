export { sessionsSection } from './sessions-landing.views.ts';
export { sessionsSignedUpFor } from './sessions.queries.ts';
export { upcomingSessions, type SessionSummary } from './sessions.queries.ts';
export { knowledgeSessions, sessionRegistrations } from './sessions.tables.ts';
