export {
  InvitePanel,
  type HistorySlot,
  type InvitePanelProps,
  type TravelersSlot,
} from './components/invite-panel';
