export { InvitePanel } from './components/invite-panel';
export { readInviteDraft } from './utils/invite-draft';
export { ReminderSection } from './components/reminder-section';
