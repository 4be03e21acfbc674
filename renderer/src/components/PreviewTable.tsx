/** A small read-only table of the first rows, headers as read from the file. */
import { ScrollArea, Table, Text } from '@mantine/core';
import type { Column } from '../../../shared/ingest/types';

export function PreviewTable({ columns, rows, height }: { columns: Column[]; rows: { rowNumber: number; cells: string[] }[]; height: number }) {
  return (
    <ScrollArea h={height} type="auto" data-testid="preview">
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
          {rows.map((r) => (
            <Table.Tr key={r.rowNumber}>
              <Table.Td c="dimmed">{r.rowNumber}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.index} style={{ whiteSpace: 'nowrap', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>{r.cells[c.index]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
