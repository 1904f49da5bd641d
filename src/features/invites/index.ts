export {
  InvitePanel,
  type HistorySlot,
  type InvitePanelProps,
  type TravelersSlot,
} from './components/invite-panel';
export { readInviteDraft } from './utils/invite-draft';
