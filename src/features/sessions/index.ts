export { sessionsSection } from './sessions-landing.views.ts';
export { sessionsSignedUpFor } from './sessions.queries.ts';
