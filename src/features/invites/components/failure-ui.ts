/**
 * What the invite form shows once a send has failed or a submit was refused: the error summary, the explanation
 * of a failure, the report of a failed test invite. One chunk, loaded on demand (see `invite-panel.tsx`).
 */
export { describeFailure } from '../utils/describe-failure';
export { ErrorSummary } from './error-summary';
export { TestInviteFailure } from './test-invite-failure';
