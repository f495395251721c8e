export { sessionsSection } from './sessions-landing.views.ts';
