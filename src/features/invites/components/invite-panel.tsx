import { lazy, Suspense, useCallback, useState } from 'react';
import { useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SendDetail } from '#contract/send-history';
import { LoadBoundary } from '@/components/load-boundary';
import type { ErrorField } from '@/components/send-errors/map-errors';
import { newIdempotencyKey } from '../api/send-invite';
import { useInviteForm } from '../hooks/use-invite-form';
import { NO_ERRORS, useInviteSending } from '../hooks/use-invite-sending';
import { useSelection } from '../hooks/use-selection';
import { useSendConfirmation } from '../hooks/use-send-confirmation';
import type { InviteFormValues } from '../utils/invite-form-schema';
import { submitRefused, startFormAfresh } from '../utils/form-lifecycle';
import { loadSendIntoForm } from '../utils/load-send';
import { EventTypeSelect } from './event-type-select';
import { useFormSendLater } from './form-send-later';
import { InviteActionBar } from './invite-action-bar';
import { InviteAllSwitch } from './invite-all-switch';
import { InviteFormNotices } from './invite-form-notices';
import { preloadSendConfirmDialog, SendConfirmation } from './send-confirmation';
import { NOT_ALLOWED_ID } from '../utils/element-ids';

// The error summary (and the failure reports it shows) loads with the first error, not with the page.
const ErrorSummaryBlock = lazy(() =>
  import('./error-summary-block').then((m) => ({ default: m.ErrorSummaryBlock })),
);

import type { InvitePanelProps } from './invite-panel-props';

export type { HistorySlot, InvitePanelProps, TravelersSlot } from './invite-panel-props';

/**
 * The invite form of one event. Keyed by the event: moving to another event's page (the same route, so React
 * would keep the component) starts a fresh form, so a selection can never be sent to the wrong event.
 */
export function InvitePanel(props: InvitePanelProps) {
  return <InviteForm key={props.eventId} {...props} />;
}

/**
 * The invite form of the event page: event type, "Invite all travelers", the traveler picker and the chosen
 * travelers, "Send invites" behind a confirmation, and "Send test invite". Every error the API returns is shown
 * against its field (see `utils/map-errors.ts`) and in the error summary at the top.
 */
function InviteForm({
  eventId,
  eventType,
  eventStatus,
  travelerCount,
  sendNotAllowedReason,
  travelers,
  history,
  recentInvites,
  venueTimeZone,
}: InvitePanelProps) {
  const { form, restoredShown, dismissRestored } = useInviteForm(eventId, eventType);
  const readOnly = sendNotAllowedReason !== undefined;
  const { control, handleSubmit, setValue, trigger, formState } = form;
  const [type, inviteAll] = useWatch({ control, name: ['type', 'inviteAll'] });
  const sending = useInviteSending(eventId, travelerCount);
  const selection = useSelection(form, (removedIds) =>
    sending.clearErrors(
      { kind: 'userIds' },
      ...removedIds.map((userId): ErrorField => ({ kind: 'traveler', userId })),
    ),
  );
  const { selected } = selection;
  const mapped = sending.failure?.mapped ?? NO_ERRORS;
  const validationMessage = formState.errors.selected?.message ?? formState.errors.selected?.root?.message;

  const confirming = useSendConfirmation();
  /** Counts refused submits and failed sends: each moves focus to the error summary. */
  const [focusKey, setFocusKey] = useState(0);
  const focusSummary = () => setFocusKey((k) => k + 1);
  const [firstRowsShown, setFirstRowsShown] = useState(false);
  const showHistory = useCallback(() => setFirstRowsShown(true), []);
  const later = useFormSendLater({
    eventId,
    form,
    readOnly,
    travelerCount,
    venueTimeZone,
    onRefused: focusSummary,
  });

  function askToConfirm(values: InviteFormValues) {
    if (sending.isSending || readOnly) return;
    const userIds = values.inviteAll ? undefined : values.selected.map((t) => t.id);
    confirming.ask({ type: values.type, userIds }, userIds?.length ?? travelerCount);
  }

  function confirmSend() {
    // Two clicks in one moment both get here; the second finds the dialog closed or the send pending.
    const request = confirming.take();
    if (!request) return;
    dismissRestored();
    // One key per confirmed send: a retry of this request reuses it, a new confirmation makes a new one.
    sending.sendInvites(
      { ...request, idempotencyKey: newIdempotencyKey() },
      {
        // Only the travelers it went to: the picker stays usable, and more may have been ticked meanwhile.
        onSuccess: (sent) => startFormAfresh(form, sent.userIds),
        onError: focusSummary,
      },
    );
  }

  function sendTest() {
    // A press of "Send invites" refused while the test invite was out has the last word: its message stays.
    const submits = form.formState.submitCount;
    sending.sendTest({ onSuccess: () => form.formState.submitCount === submits && startFormAfresh(form) });
  }

  /** "Load into the form" on a refused send of this event's History, with its entries at their fields. */
  function loadSend(record: SendDetail) {
    if (readOnly || sending.isSending || record.eventId !== eventId) return;
    loadSendIntoForm(form, record, selection.selectedById);
    sending.showRecordedFailure(record);
    focusSummary();
  }

  return (
    <>
      <Paper
        component="section"
        variant="outlined"
        aria-labelledby="invite-panel-heading"
        sx={{ p: { xs: 2, sm: 3 } }}
      >
        <Typography id="invite-panel-heading" variant="h2" sx={{ mb: 2 }}>
          Invite travelers
        </Typography>
        <InviteFormNotices
          eventStatus={eventStatus}
          notAllowedReason={sendNotAllowedReason}
          notAllowedId={NOT_ALLOWED_ID}
          restored={restoredShown}
          onDismissRestored={dismissRestored}
        />

        <form
          noValidate
          aria-labelledby="invite-panel-heading"
          onSubmit={(event) => void handleSubmit(askToConfirm, focusSummary)(event)}
        >
          {(validationMessage || sending.failure) && (
            <LoadBoundary what="the list of errors" consequence="Your choices are kept.">
              <Suspense fallback={null}>
                <ErrorSummaryBlock
                  eventId={eventId}
                  focusKey={focusKey}
                  validationMessage={validationMessage}
                  failure={sending.failure}
                  inviteAll={inviteAll}
                  selectedById={selection.selectedById}
                />
              </Suspense>
            </LoadBoundary>
          )}

          <Stack spacing={3}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
              <EventTypeSelect
                value={type}
                onChange={(next) => {
                  setValue('type', next, { shouldDirty: true });
                  sending.clearErrors({ kind: 'type' });
                }}
                errors={mapped.type}
                disabled={readOnly}
              />
              <InviteAllSwitch
                checked={inviteAll}
                onChange={(on) => {
                  setValue('inviteAll', on, { shouldDirty: true });
                  // The "choose at least one traveler" rule lives on `selected`: re-check it, not the switch.
                  if (submitRefused(form)) void trigger('selected');
                  sending.clearErrors({ kind: 'userIds' });
                }}
                travelerCount={travelerCount}
                selectedCount={selected.length}
                disabled={readOnly}
              />
            </Stack>

            <Box
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
                gap: 3,
              }}
            >
              {travelers({
                selection,
                inviteAll,
                travelerErrors: mapped.travelers,
                pickerErrors: mapped.userIds,
                validationMessage,
                removeTravelersWithErrors: () => selection.remove(mapped.travelers.keys()),
                onFirstRowsShown: showHistory,
              })}
            </Box>

            <InviteActionBar
              isSending={sending.isSending}
              isTesting={sending.isTesting}
              sendStatus={sending.sendStatus}
              testStatus={sending.testStatus}
              scheduleStatus={later.scheduleStatus}
              onSendLater={later.onSendLater}
              testFailure={sending.testFailure}
              onSendTest={sendTest}
              onHeadForSend={preloadSendConfirmDialog}
              notAllowedReasonId={readOnly ? NOT_ALLOWED_ID : undefined}
            />
          </Stack>
        </form>

        <SendConfirmation
          eventId={eventId}
          recentInvites={recentInvites}
          confirmation={confirming.confirmation}
          onConfirm={confirmSend}
          onCancel={confirming.close}
        />
        {later.dialog}
      </Paper>
      {history?.({
        onLoad: readOnly ? undefined : loadSend,
        loadDisabled: sending.isSending,
        afterFirstRows: firstRowsShown,
      })}
    </>
  );
}
