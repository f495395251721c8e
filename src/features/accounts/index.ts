export { createSetupLinkIfNeeded } from './accounts.service.ts';
export { createUserWithMembership, type CreateUserProblem } from './users.service.ts';
export { countMembers, listMembers } from './members.service.ts';
export { normaliseEmail } from './accounts.queries.ts';
export {
  clearFailedSignIns,
  recordFailedSignIn,
  signInDelayFor,
  type FailedSignIn,
} from './sign-in-limits.service.ts';
export { completeSignIn } from './sign-in-steps.ts';
