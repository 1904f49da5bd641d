import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { FailureReport } from '@/components/send-errors/describe-failure';
import { CopyDebugIdentifier } from '@/components/send-errors/copy-debug-identifier';
import { ErrorEntryText } from '@/components/send-errors/error-entry';

/** Why a test invite or a reminder failed, with every entry of the envelope: none belongs to a form field. */
export function SendFailureAlert({
  report,
  title = 'The test invite was not sent',
}: {
  report: FailureReport;
  title?: string;
}) {
  const entries = report.body?.errorMessages ?? [];
  return (
    <Alert severity="error" sx={{ overflowWrap: 'anywhere', '& .MuiAlert-message': { minWidth: 0 } }}>
      <AlertTitle>{title}</AlertTitle>
      <Box>{report.title}</Box>
      <Box>{report.advice}</Box>
      {entries.length > 0 && (
        <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
          {entries.map((error, index) => (
            <li key={index}>
              <ErrorEntryText error={error} />
            </li>
          ))}
        </Box>
      )}
      {report.body?.debugIdentifier && <CopyDebugIdentifier value={report.body.debugIdentifier} />}
    </Alert>
  );
}
