export { sessionQueryOptions } from './api/get-session';
export { SessionEndedPrompt } from './components/session-ended-prompt';
export { SignedInPerson } from './components/signed-in-person';
export { ROLE_LABELS, sendNotAllowedReason } from './utils/roles';
