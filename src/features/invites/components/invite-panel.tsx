import { lazy, Suspense, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SendIcon from '@mui/icons-material/Send';
import type { EventStatus, EventType } from '#contract';
import { formatInstant, formatQuantity } from '@/components/format';
import { LoadBoundary } from '@/components/load-boundary';
import { inviteKeys } from '../api/invite-keys';
import type { Traveler } from '../api/list-travelers';
import { useSendInvite } from '../api/send-invite';
import { useSendTestInvite } from '../api/send-test-invite';
import type { FailureReport, SendAction } from '../utils/describe-failure';
import { EVENT_TYPE_ID, PICKER_ID, SEARCH_ID, travelerCheckboxId, travelerChipId } from '../utils/dom-ids';
import { InviteFormSchema, type InviteFormValues, type SelectedTraveler } from '../utils/invite-form-schema';
import { clearField, mapErrors, type ErrorField, type MappedErrors } from '../utils/map-errors';
import type { SummaryLink } from './error-summary';
import { EventTypeSelect } from './event-type-select';
import { InviteAllSwitch } from './invite-all-switch';
import { SelectedTravelers } from './selected-travelers';
import { TravelerPicker } from './traveler-picker';
import { travelerDisplayName } from './traveler-row';

// The confirmation's code (MUI's dialog, modal and focus trap) loads when the manager heads for "Send invites",
// not with the page.
const loadSendConfirmDialog = () => import('./send-confirm-dialog');
const SendConfirmDialog = lazy(() => loadSendConfirmDialog().then((m) => ({ default: m.SendConfirmDialog })));

// So does what the form shows after a refused submit or a failed send (the error summary, the explanation of the
// failure): a send cannot fail before its confirmation has loaded, and both are asked for at the same moment.
const loadFailureUi = () => import('./failure-ui');
const ErrorSummary = lazy(() => loadFailureUi().then((m) => ({ default: m.ErrorSummary })));
const TestInviteFailure = lazy(() => loadFailureUi().then((m) => ({ default: m.TestInviteFailure })));

/** The manager heads for "Send invites": start loading what its click may show. */
function preloadSendUi() {
  // Only a head start: a failed download shows where the part is rendered (LoadBoundary), not here.
  loadSendConfirmDialog().catch(() => undefined);
  preloadFailureUi();
}

function preloadFailureUi() {
  loadFailureUi().catch(() => undefined);
}

/** Said in the status line if a failure's explanation itself cannot be loaded (the connection is down). */
const UNEXPLAINED_FAILURE: Record<SendAction, string> = {
  invites:
    "The send failed, and the console could not load the code that explains why: the connection may be down. Check the travelers' states before sending again.",
  'test invite':
    'The test invite failed, and the console could not load the code that explains why: the connection may be down. Try again in a moment.',
};

export interface InvitePanelProps {
  eventId: string;
  /** The event's own type: where "Event type" starts. */
  eventType: EventType;
  eventStatus?: EventStatus;
  /** Every traveler of the event: the count "Invite all travelers" confirms. */
  numTravelers: number;
  /** The event's company: the Users API resolves traveler names within it. */
  companyId?: string;
}

/** What the confirmation asked about, frozen when the manager pressed "Send invites". */
interface PendingSend {
  type: EventType;
  /** Undefined: every traveler of the event. */
  userIds?: string[];
  count: number;
  all: boolean;
}

interface SendFailure {
  report: FailureReport;
  mapped: MappedErrors;
  /** When the manager last refreshed the travelers' states after an unknown outcome. */
  checkedAt?: number;
}

const NO_ERRORS: MappedErrors = { entries: [], type: [], userIds: [], travelers: new Map(), summary: [] };

/** A held-down Enter repeats; only a fresh key press may start a send. */
function ignoreKeyRepeat(event: KeyboardEvent) {
  if (event.key === 'Enter' && event.repeat) event.preventDefault();
}

function sentTo(count: number, all: boolean) {
  return `${all ? 'all ' : ''}${formatQuantity(count, 'traveler')}`;
}

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
function InviteForm({ eventId, eventType, eventStatus, numTravelers, companyId }: InvitePanelProps) {
  const queryClient = useQueryClient();
  const { control, handleSubmit, setValue, getValues, trigger, formState } = useForm<InviteFormValues>({
    resolver: zodResolver(InviteFormSchema),
    defaultValues: { type: eventType, inviteAll: false, selected: [] },
  });
  const [type, inviteAll, selected] = useWatch({ control, name: ['type', 'inviteAll', 'selected'] });
  const selectedIds = useMemo(() => new Set(selected.map((t) => t.id)), [selected]);
  const selectedById = useMemo(() => new Map(selected.map((t) => [t.id, t])), [selected]);
  const validationMessage = formState.errors.selected?.message ?? formState.errors.selected?.root?.message;

  const [failure, setFailure] = useState<SendFailure | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [status, setStatus] = useState('');
  // `pending` outlives the dialog's closing animation, so its question does not change while it fades.
  const [pending, setPending] = useState<PendingSend | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [testFailure, setTestFailure] = useState<FailureReport | null>(null);
  const [checking, setChecking] = useState(false);

  // State updates land after the current event; a ref set synchronously is what stops a second click in between.
  const sendingRef = useRef(false);
  const testingRef = useRef(false);
  /** Counts sends and test invites: a failure's explanation is shown only if nothing newer has started. */
  const attemptRef = useRef(0);

  /** Explains a failure once its code has loaded (it loads on demand), unless a newer attempt has begun since. */
  function explainFailure(error: unknown, action: SendAction, show: (report: FailureReport) => void) {
    const attempt = attemptRef.current;
    const at = Date.now();
    loadFailureUi().then(
      ({ describeFailure }) => {
        if (attemptRef.current !== attempt) return;
        setStatus('');
        show(describeFailure(error, action, at));
      },
      () => {
        if (attemptRef.current === attempt) setStatus(UNEXPLAINED_FAILURE[action]);
      },
    );
  }
  const send = useSendInvite(eventId);
  const testInvite = useSendTestInvite(eventId);
  const mapped = failure?.mapped ?? NO_ERRORS;

  function clearErrors(...fields: ErrorField[]) {
    setFailure(
      (current) =>
        current && { ...current, mapped: fields.reduce((m, field) => clearField(m, field), current.mapped) },
    );
  }

  function setSelection(next: SelectedTraveler[], removedIds: readonly string[]) {
    // Not `shouldDirty`: nothing reads the dirty state, and it would deep-compare a selection of 10,000 on every tick.
    setValue('selected', next, { shouldValidate: formState.isSubmitted });
    clearErrors(
      { kind: 'userIds' },
      ...removedIds.map((userId): ErrorField => ({ kind: 'traveler', userId })),
    );
  }

  function toggle(traveler: Traveler, checked: boolean) {
    if (checked) {
      if (selectedIds.has(traveler.userId)) return;
      const entry = { id: traveler.userId, name: travelerDisplayName(traveler), email: traveler.email };
      setSelection([...selected, entry], []);
    } else {
      setSelection(
        selected.filter((t) => t.id !== traveler.userId),
        [traveler.userId],
      );
    }
  }

  /**
   * "Select all N matching" and "Paste a list": the new travelers go after the ones already chosen, each once.
   * Reads the selection as it is now, not as it was when the (asynchronous) bulk action started.
   */
  function selectMany(travelers: readonly SelectedTraveler[]) {
    const current = getValues('selected');
    const have = new Set(current.map((t) => t.id));
    const added = travelers.filter((t) => !have.has(t.id) && have.add(t.id));
    if (added.length > 0) setSelection([...current, ...added], []);
  }

  function clearSelection() {
    const current = getValues('selected');
    setSelection(
      [],
      current.map((t) => t.id),
    );
  }

  const withErrors = selected.filter((t) => mapped.travelers.has(t.id)).map((t) => t.id);

  function openConfirmation(values: InviteFormValues) {
    if (sendingRef.current || send.isPending) return;
    setPending({
      type: values.type,
      userIds: values.inviteAll ? undefined : values.selected.map((t) => t.id),
      count: values.inviteAll ? numTravelers : values.selected.length,
      all: values.inviteAll,
    });
    setConfirmOpen(true);
  }

  function confirmSend() {
    const request = pending;
    if (!confirmOpen || !request || sendingRef.current || send.isPending) return;
    sendingRef.current = true;
    attemptRef.current += 1;
    setConfirmOpen(false);
    setFailure(null);
    setStatus(`Sending invites to ${sentTo(request.count, request.all)}…`);
    send.mutate(
      { type: request.type, userIds: request.userIds },
      {
        onSuccess: () => {
          setStatus(`Invites sent to ${sentTo(request.count, request.all)}.`);
          setValue('selected', []);
        },
        onError: (error) =>
          explainFailure(error, 'invites', (report) => {
            setFailure({
              report,
              mapped: report.body ? mapErrors(report.body, request.userIds ?? []) : NO_ERRORS,
            });
            setFocusKey((k) => k + 1);
          }),
        onSettled: () => {
          sendingRef.current = false;
        },
      },
    );
  }

  function sendTest() {
    if (testingRef.current || testInvite.isPending) return;
    testingRef.current = true;
    attemptRef.current += 1;
    setTestFailure(null);
    setStatus('Sending a test invite…');
    testInvite.mutate(undefined, {
      onSuccess: () =>
        setStatus('Test invite sent to the account the console signs in with. Check its inbox.'),
      onError: (error) => explainFailure(error, 'test invite', setTestFailure),
      onSettled: () => {
        testingRef.current = false;
      },
    });
  }

  async function checkStates() {
    setChecking(true);
    try {
      await queryClient.invalidateQueries({ queryKey: inviteKeys.event(eventId) });
    } finally {
      setChecking(false);
      setFailure((current) => current && { ...current, checkedAt: Date.now() });
    }
  }

  function fieldElementId(field: ErrorField): string {
    if (field.kind === 'type') return EVENT_TYPE_ID;
    if (field.kind === 'userIds') return inviteAll ? PICKER_ID : SEARCH_ID;
    // The chip is always on screen; the row may be scrolled away or filtered out.
    const chip = travelerChipId(field.userId);
    return document.getElementById(chip) ? chip : travelerCheckboxId(field.userId);
  }

  function linkFor(field: ErrorField): SummaryLink {
    const label =
      field.kind === 'type'
        ? 'Event type'
        : field.kind === 'userIds'
          ? 'Travelers'
          : (selectedById.get(field.userId)?.name ?? 'the traveler');
    return {
      href: `#${field.kind === 'traveler' ? travelerChipId(field.userId) : fieldElementId(field)}`,
      label,
    };
  }

  function focusField(field: ErrorField) {
    const element = document.getElementById(fieldElementId(field));
    element?.scrollIntoView?.({ block: 'center' });
    element?.focus();
  }

  const report = failure?.report;
  const showFailure = report && !(report.explainedByEntries && mapped.entries.length === 0);
  const showSummary = Boolean(validationMessage) || Boolean(showFailure);

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="invite-panel-heading"
      sx={{ p: { xs: 2, sm: 3 } }}
    >
      <Typography id="invite-panel-heading" variant="h2" sx={{ mb: 2 }}>
        Invite travelers
      </Typography>
      {eventStatus === 'DRAFT' && (
        <Alert role="note" severity="info" sx={{ mb: 2 }}>
          This event is a draft. Spotnana may refuse to send invites until it is published.
        </Alert>
      )}
      {eventStatus === 'CANCELLED' && (
        <Alert role="note" severity="warning" sx={{ mb: 2 }}>
          This event is cancelled. Travelers would be invited to an event that will not take place.
        </Alert>
      )}

      <form
        noValidate
        aria-labelledby="invite-panel-heading"
        onSubmit={(event) => void handleSubmit(openConfirmation, () => setFocusKey((k) => k + 1))(event)}
      >
        {showSummary && (
          <LoadBoundary what="the summary of the errors" consequence="Nothing was sent.">
            <Suspense fallback={null}>
              <ErrorSummary
                focusKey={focusKey}
                title={showFailure ? report.title : undefined}
                advice={showFailure ? report.advice : undefined}
                validation={
                  validationMessage ? [{ message: validationMessage, field: { kind: 'userIds' } }] : []
                }
                entries={mapped.entries}
                debugIdentifier={showFailure ? mapped.debugIdentifier : undefined}
                linkFor={linkFor}
                onFocusField={focusField}
                actions={
                  showFailure && report.outcomeUnknown ? (
                    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <Button
                        variant="outlined"
                        color="error"
                        onClick={() => void checkStates()}
                        disabled={checking}
                        aria-busy={checking}
                      >
                        Check travelers&apos; states
                      </Button>
                      {failure.checkedAt !== undefined && (
                        <Typography variant="body2" aria-live="polite">
                          Travelers&apos; states refreshed at{' '}
                          {formatInstant(new Date(failure.checkedAt).toISOString())}. Look at their RSVP
                          states in the list before sending again.
                        </Typography>
                      )}
                    </Stack>
                  ) : undefined
                }
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
                clearErrors({ kind: 'type' });
              }}
              errors={mapped.type}
            />
            <InviteAllSwitch
              checked={inviteAll}
              onChange={(on) => {
                setValue('inviteAll', on, { shouldDirty: true });
                // The "choose at least one traveler" rule lives on `selected`: re-check it, not the switch.
                if (formState.isSubmitted) void trigger('selected');
                clearErrors({ kind: 'userIds' });
              }}
              numTravelers={numTravelers}
              selectedCount={selected.length}
            />
          </Stack>

          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
              gap: 3,
            }}
          >
            <TravelerPicker
              eventId={eventId}
              companyId={companyId}
              numTravelers={numTravelers}
              disabled={inviteAll}
              selectedIds={selectedIds}
              onToggle={toggle}
              onSelectMany={selectMany}
              onClearSelection={clearSelection}
              travelerErrors={mapped.travelers}
              pickerErrors={mapped.userIds}
              validationMessage={validationMessage}
            />
            <SelectedTravelers
              selected={selected}
              companyId={companyId}
              travelerErrors={mapped.travelers}
              onRemove={(userId) =>
                setSelection(
                  selected.filter((t) => t.id !== userId),
                  [userId],
                )
              }
              onRemoveWithErrors={() =>
                setSelection(
                  selected.filter((t) => !mapped.travelers.has(t.id)),
                  withErrors,
                )
              }
            />
          </Box>

          <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={send.isPending}
              aria-busy={send.isPending}
              onKeyDown={ignoreKeyRepeat}
              onPointerEnter={preloadSendUi}
              onFocus={preloadSendUi}
              startIcon={
                send.isPending ? (
                  <CircularProgress size={18} color="inherit" aria-hidden />
                ) : (
                  <SendIcon aria-hidden />
                )
              }
            >
              Send invites
            </Button>
            <Button
              variant="outlined"
              size="large"
              onClick={sendTest}
              onPointerEnter={preloadFailureUi}
              onFocus={preloadFailureUi}
              disabled={testInvite.isPending}
              aria-busy={testInvite.isPending}
              onKeyDown={ignoreKeyRepeat}
              startIcon={
                testInvite.isPending ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined
              }
            >
              Send test invite
            </Button>
          </Stack>

          {/* Always in the DOM: a live region must exist before its text changes to be announced. */}
          <Typography role="status" sx={{ fontWeight: 600, minHeight: '1.5em' }}>
            {status}
          </Typography>
          {/* testFailure is set only once its code has loaded (explainFailure): this never waits or fails. */}
          {testFailure && (
            <Suspense fallback={null}>
              <TestInviteFailure report={testFailure} />
            </Suspense>
          )}
        </Stack>
      </form>

      {pending && (
        <LoadBoundary what="the confirmation" consequence="Nothing was sent.">
          <Suspense fallback={null}>
            <SendConfirmDialog
              open={confirmOpen}
              count={pending.count}
              all={pending.all}
              type={pending.type}
              onConfirm={confirmSend}
              onCancel={() => setConfirmOpen(false)}
            />
          </Suspense>
        </LoadBoundary>
      )}
    </Paper>
  );
}
