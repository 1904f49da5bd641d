import Chip from '@mui/material/Chip';
import type { EventStatus } from '#contract';
import { EVENT_STATUS_COLORS, eventStatusLabel } from '@/components/labels';

/** The event's status as a small outlined chip; outlined keeps the coloured text above AA contrast. */
export function EventStatusChip({
  status,
  size = 'small',
}: {
  status: EventStatus | undefined;
  size?: 'small' | 'medium';
}) {
  return (
    <Chip
      label={eventStatusLabel(status)}
      color={status ? (EVENT_STATUS_COLORS[status] ?? 'default') : 'default'}
      variant="outlined"
      size={size}
    />
  );
}
