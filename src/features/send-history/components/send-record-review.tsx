import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { EventType } from '#contract';
import type { SendDetail } from '#contract/send-history';
import { RetryAlert } from '@/components/retry-alert';
import { formatInstant, formatQuantity } from '@/components/format';
import { eventTypeLabel } from '@/components/labels';
import type { ErrorField } from '@/components/send-errors/map-errors';
import { recordFailure } from '@/components/send-errors/record-failure';
import { CheckTravelersStates } from '@/components/send-errors/check-travelers-states';
import { ErrorSummary } from '@/components/send-errors/error-summary';
import { ErrorEntryText } from '@/components/send-errors/error-entry';
import { lateWords, sendOutcomeWords, sendScopeWords } from '../utils/send-outcome';
import { sendRecordQueryOptions } from '../api/get-send-record';
import type { TravelerNames } from '../utils/traveler-names';

/** Names shown for a list send: one lookup; the rest are counted. */
const RECIPIENTS_SHOWN = 20;

export interface SendRecordReviewProps {
  recordId: string;
  /** The event whose page this is: a send of another event (a hand-made link) is never loaded into its form. */
  eventId: string;
  travelerNames: TravelerNames;
  /** Puts the send's type and travelers back on the form with its entries at their fields; absent: read-only. */
  onLoad?: (record: SendDetail) => void;
  loadDisabled?: boolean;
}

/**
 * One send as the history recorded it: who, when, what, and Spotnana's answer. A refused send's entries are shown
 * exactly as the form showed them then (the same report and mapping, read from the record).
 */
export function SendRecordReview({
  recordId,
  eventId,
  travelerNames,
  onLoad,
  loadDisabled,
}: SendRecordReviewProps) {
  const query = useQuery(sendRecordQueryOptions(recordId));
  if (query.isPending) {
    return (
      <Stack aria-busy="true" spacing={0.5}>
        <Typography role="status" variant="body2">
          Loading the send…
        </Typography>
        <Skeleton width="60%" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <RetryAlert error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching}>
        This send could not be loaded.
      </RetryAlert>
    );
  }
  if (query.data.eventId !== eventId) {
    return (
      <Alert severity="info">
        This send was made on another event.{' '}
        <Link
          component={RouterLink}
          to={`/events/${encodeURIComponent(query.data.eventId)}?send=${encodeURIComponent(recordId)}`}
        >
          Open it on {query.data.eventName ?? 'its event'}
        </Link>
      </Alert>
    );
  }
  return (
    <RecordBody
      record={query.data}
      travelerNames={travelerNames}
      onLoad={onLoad}
      loadDisabled={loadDisabled}
    />
  );
}

function RecordBody({
  record,
  travelerNames,
  onLoad: canLoad,
  loadDisabled = false,
}: {
  record: SendDetail;
  travelerNames: TravelerNames;
  onLoad?: SendRecordReviewProps['onLoad'];
  loadDisabled?: boolean;
}) {
  const failure = recordFailure(record);
  // Only a refused invite/send comes back to the form: a test invite has no travelers, and a viewer cannot send.
  const onLoad =
    record.action === 'send' && record.status === 'refused' && !record.recipientsHidden ? canLoad : undefined;
  const { meaning } = sendOutcomeWords(record.status, record.action, record.errorCount);
  // A scheduled send that was not run has no HTTP answer: its entries say why.
  const notRunReasons =
    !failure && record.status === 'skipped' ? (record.errorResponse?.errorMessages ?? []) : [];
  const erroredIds = failure ? [...failure.mapped.travelers.keys()].slice(0, travelerNames.maxIds) : [];
  const names = useQuery(travelerNames.queryOptions(erroredIds)).data;
  const recipientIds = (record.travelerIds ?? []).slice(0, RECIPIENTS_SHOWN);
  const recipientNames = useQuery(travelerNames.queryOptions(recipientIds));
  const reviewId = `send-review-${record.id}`;

  const label = (field: ErrorField) =>
    field.kind === 'type'
      ? 'Event type'
      : field.kind === 'userIds'
        ? 'Travelers'
        : (names?.get(field.userId) ?? `traveler ${field.userId}`);

  return (
    <Stack spacing={1.5} sx={{ minWidth: 0 }}>
      <Typography
        variant="body2"
        component="dl"
        sx={{
          m: 0,
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          columnGap: 2,
          rowGap: 0.5,
          '& dd': { m: 0, overflowWrap: 'anywhere' },
          '& dt': { fontWeight: 600 },
        }}
      >
        <dt>{record.dueAt ? 'Scheduled by' : 'Sent by'}</dt>
        <dd>
          {record.person.name} ({record.person.email}), as {record.role}
        </dd>
        <dt>At</dt>
        <dd>{formatInstant(record.scheduledAt ?? record.createdAt)}</dd>
        {record.dueAt && (
          <>
            <dt>Scheduled for</dt>
            <dd>
              {formatInstant(record.dueAt)}
              {lateWords(record.lateMinutes)}
            </dd>
          </>
        )}
        {record.cancelledBy && (
          <>
            <dt>Cancelled by</dt>
            <dd>
              {record.cancelledBy.name} ({record.cancelledBy.email})
              {record.cancelledAt && `, ${formatInstant(record.cancelledAt)}`}
            </dd>
          </>
        )}
        <dt>Event type</dt>
        <dd>{record.eventType ? eventTypeLabel(record.eventType as EventType) : 'None given'}</dd>
        <dt>To</dt>
        <dd>{sendScopeWords(record.action, record.scope, record.travelerCount)}</dd>
        {recipientIds.length > 0 && (
          <>
            <dt>Travelers</dt>
            <dd>
              {recipientNames.isPending
                ? 'Looking up their names…'
                : recipientIds.map((id) => recipientNames.data?.get(id) ?? id).join(', ')}
              {(record.travelerIds?.length ?? 0) > RECIPIENTS_SHOWN &&
                ` and ${formatQuantity((record.travelerIds?.length ?? 0) - RECIPIENTS_SHOWN, 'more', 'more')} (the Activity page's export lists them all)`}
            </dd>
          </>
        )}
        <dt>Outcome</dt>
        <dd>
          {meaning}
          {record.httpStatus !== null && ` (HTTP ${record.httpStatus})`}
        </dd>
        {notRunReasons.length > 0 && (
          <>
            <dt>Why</dt>
            <dd>
              {notRunReasons.map((entry, index) => (
                <ErrorEntryText key={index} error={entry} />
              ))}
            </dd>
          </>
        )}
      </Typography>

      {record.recipientsHidden && (
        <Typography variant="body2">
          Your role does not show whom this send went to, nor the travelers Spotnana named in its answer.
        </Typography>
      )}

      {failure && (
        <ErrorSummary
          id={reviewId}
          announce={false}
          focusKey={0}
          title={failure.report.title}
          advice={failure.report.advice}
          entries={failure.mapped.entries}
          debugIdentifier={failure.mapped.debugIdentifier}
          // Where each entry belongs, as text: "Load into the form" is the one way back to the fields.
          linkFor={(field) => ({ href: '#invite-panel-heading', label: label(field) })}
        />
      )}

      {(record.status === 'pending' || record.status === 'failed') && record.action !== 'test' && (
        <CheckTravelersStates eventId={record.eventId} />
      )}

      {onLoad && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button
            variant="contained"
            onClick={() => onLoad(record)}
            aria-describedby={`${reviewId}-load-help`}
          >
            Load into the form
          </Button>
          <Typography id={`${reviewId}-load-help`} variant="body2" color="textSecondary">
            Puts this send&apos;s event type and{' '}
            {sendScopeWords('send', record.scope, record.travelerCount).toLowerCase()} back on the form, with
            each problem at its field. Nothing is sent until you confirm.
            {loadDisabled && ' Wait for the send under way to finish first.'}
          </Typography>
        </Stack>
      )}
    </Stack>
  );
}
