import { useEffect, useRef, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ErrorParameter } from '#contract';
import type { ErrorField, MappedEntry } from './map-errors';
import { CopyDebugIdentifier } from './copy-debug-identifier';
import { ErrorEntryText } from './error-entry';

export interface SummaryLink {
  /** Our own fragment (`#event-type`): never API text. */
  href: string;
  label: string;
}

export interface ErrorSummaryProps {
  /** Changes on every new failure: the summary then takes focus. */
  focusKey: number;
  /** What happened, and what to do: one or two sentences of the console's own. */
  title?: string;
  advice?: string;
  /** The console's own validation messages, each with where to fix it. */
  validation?: { message: string; field: ErrorField }[];
  /** Every Spotnana entry still standing, in the API's order. */
  entries: readonly MappedEntry[];
  debugIdentifier?: string;
  linkFor: (field: ErrorField) => SummaryLink;
  /** Moves focus to a field; absent when the fields are not on screen (a send reviewed from the History): each
   * entry then says where it belongs, as text. */
  onFocusField?: (field: ErrorField) => void;
  /** Extra actions (checking the travelers' states after an unknown outcome). */
  actions?: ReactNode;
  /** Another id for a summary shown outside the form (a send reviewed from the History). */
  id?: string;
  /** The form's summary is an alert; one the manager opened to read is not news, so it is a labelled group. */
  announce?: boolean;
}

export const ERROR_SUMMARY_ID = 'invite-error-summary';

/**
 * The GOV.UK error summary: at the top of the form, announced, focused after a failed send, listing every error
 * with links that move focus to the field it belongs to. Entries that belong to no field are listed as text.
 */
export function ErrorSummary({
  focusKey,
  title,
  advice,
  validation = [],
  entries,
  debugIdentifier,
  linkFor,
  onFocusField,
  actions,
  id = ERROR_SUMMARY_ID,
  announce = true,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);

  const link = (field: ErrorField, children: ReactNode, key?: string) => {
    const { href, label } = linkFor(field);
    if (!onFocusField)
      return (
        <Box key={key} component="span" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {children}
        </Box>
      );
    return (
      <Link
        key={key}
        href={href}
        color="error"
        onClick={(event) => {
          event.preventDefault();
          onFocusField(field);
        }}
        sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}
        title={`Go to ${label}`}
      >
        {children}
      </Link>
    );
  };

  return (
    <Box
      ref={ref}
      id={id}
      role={announce ? 'alert' : 'group'}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      sx={{
        border: 4,
        borderColor: 'error.main',
        borderRadius: 1,
        p: { xs: 2, sm: 2.5 },
        mb: 3,
        minWidth: 0,
        // Focus scrolls it into view; keep it clear of the sticky app bar.
        scrollMarginTop: 96,
        '&:focus-visible, &:focus': { outline: '3px solid', outlineColor: 'warning.light', outlineOffset: 2 },
      }}
    >
      <Typography id={`${id}-title`} variant="h3" sx={{ fontWeight: 700, mb: 1 }}>
        There is a problem
      </Typography>
      {title && <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{title}</Typography>}
      {advice && <Typography sx={{ overflowWrap: 'anywhere' }}>{advice}</Typography>}

      {(validation.length > 0 || entries.length > 0) && (
        <Box component="ul" sx={{ m: 0, mt: 1.5, pl: 2.5, '& > li + li': { mt: 1 } }}>
          {validation.map((item) => (
            <li key={item.message}>{link(item.field, item.message)}</li>
          ))}
          {entries.map((entry) => (
            <li key={entry.index}>
              {entry.fields.length > 0 ? (
                <>
                  {link(entry.fields[0]!, <ErrorEntryText error={entry.error} />)}
                  {(entry.fields.length > 1 || !onFocusField) && (
                    <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                      {onFocusField ? 'Also at:' : 'At:'}{' '}
                      {entry.fields.slice(onFocusField ? 1 : 0).map((field, i) => (
                        <span key={i}>
                          {i > 0 && ', '}
                          {link(field, linkFor(field).label)}
                        </span>
                      ))}
                    </Typography>
                  )}
                </>
              ) : (
                <Box sx={{ fontWeight: 600 }}>
                  <ErrorEntryText error={entry.error} />
                  <Parameters parameters={entry.error.errorParameters} />
                </Box>
              )}
            </li>
          ))}
        </Box>
      )}

      {debugIdentifier && <CopyDebugIdentifier value={debugIdentifier} />}
      {actions && <Box sx={{ mt: 1.5 }}>{actions}</Box>}
    </Box>
  );
}

/** The parameters of an entry that belongs to no field: what the server pointed at, as plain text. */
function Parameters({ parameters }: { parameters: ErrorParameter[] | undefined }) {
  const named = (parameters ?? []).filter((p) => p.name || p.value);
  if (named.length === 0) return null;
  return (
    <Box
      component="span"
      sx={{ display: 'block', fontWeight: 400, fontSize: '0.8125rem', overflowWrap: 'anywhere' }}
    >
      About: {named.map((p) => [p.name, p.value].filter(Boolean).join(' = ')).join('; ')}
    </Box>
  );
}
