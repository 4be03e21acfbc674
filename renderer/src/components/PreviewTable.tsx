/** A small read-only table of the first rows, headers as read from the file. */
import type { CSSProperties } from 'react';
import { ScrollArea, Table, Text } from '@mantine/core';
import type { Column } from '../../../shared/ingest/types';

const classes = Table.classes;
const CELL: CSSProperties = { whiteSpace: 'nowrap', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' };
const DIMMED: CSSProperties = { color: 'var(--mantine-color-dimmed)' };

/**
 * `label` names the table for screen readers; its scrolling area takes focus (Tab), so the rows and the columns
 * past the right edge can be scrolled with the arrow keys as well as the mouse.
 */
export function PreviewTable({ columns, rows, height, label }: { columns: Column[]; rows: { rowNumber: number; cells: string[] }[]; height: number; label: string }) {
  return (
    <ScrollArea h={height} type="auto" data-testid="preview" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label, style: { outlineOffset: -2 } }}>
      <Table fz="xs" striped withColumnBorders stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.index} style={{ whiteSpace: 'nowrap' }}>
                {c.header} <Text span size="xs" c="dimmed">{c.letter}</Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {/* Plain elements with the Table's own classes and data attributes: a few hundred Table.Td components
              (a Box and a context read each) made one long task when a file was taken. */}
          {rows.map((r) => (
            <tr key={r.rowNumber} className={classes.tr} data-striped="odd" data-with-row-border>
              <td className={classes.td} data-with-column-border style={DIMMED}>{r.rowNumber}</td>
              {columns.map((c) => (
                <td key={c.index} className={classes.td} data-with-column-border style={CELL}>{r.cells[c.index]}</td>
              ))}
            </tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
