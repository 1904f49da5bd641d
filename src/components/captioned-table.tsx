import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { visuallyHidden } from './visually-hidden';

export interface CaptionedTableProps {
  /** Read by screen readers only: the table's name ("Sends, newest first"). */
  caption: string;
  /** Column headers, shown. */
  columns: readonly string[];
  /** Headers shown to screen readers only, after the visible ones (a column of buttons: "Actions"). */
  hiddenColumns?: readonly string[];
  busy: boolean;
  children: ReactNode;
}

/** A small table with a hidden caption and column headers: the frame the Activity and Sessions tables share. */
export function CaptionedTable({
  caption,
  columns,
  hiddenColumns = [],
  busy,
  children,
}: CaptionedTableProps) {
  return (
    <TableContainer>
      <Table size="small" aria-busy={busy}>
        <Box component="caption" sx={visuallyHidden}>
          {caption}
        </Box>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column} scope="col">
                {column}
              </TableCell>
            ))}
            {hiddenColumns.map((column) => (
              <TableCell key={column} scope="col">
                <Box component="span" sx={visuallyHidden}>
                  {column}
                </Box>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </TableContainer>
  );
}
