/**
 * A campaign's items with their recommendation and every reason. Keyboard: arrows (or j) move
 * the cursor, k keeps, r revokes, u undecides; the cursor then moves to the next item.
 */
import { Badge, Group, List, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ReviewItem } from '../../../src-preload/contract';
import { REVIEW_ITEM_KIND_LABELS } from '../../../src-preload/contract';

const RISK_COLOR = { low: 'gray', medium: 'orange', high: 'red' } as const;
const EFFECT_COLOR = { keep: 'green', revoke: 'red', info: 'dimmed' } as const;

interface Props {
  items: ReviewItem[];
  disabled: boolean;
  onDecide: (item: ReviewItem, decision: 'keep' | 'revoke' | 'clear') => void;
}

export function ItemsTable({ items, disabled, onDecide }: Props) {
  const [cursor, setCursor] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    rows.current[cursor]?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  const onKeyDown = (e: KeyboardEvent) => {
    const item = items[cursor];
    const move = (d: number) => setCursor((c) => Math.max(0, Math.min(items.length - 1, c + d)));
    if (e.key === 'ArrowDown' || e.key === 'j') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (!item || disabled) return;
    else if (e.key === 'k' || e.key === 'r' || e.key === 'u') {
      onDecide(item, e.key === 'k' ? 'keep' : e.key === 'r' ? 'revoke' : 'clear');
      move(1);
    } else return;
    e.preventDefault();
  };
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label="Items under review (arrows move, k keeps, r revokes, u undecides)"
        data-testid="review-items"
        verticalSpacing="xs"
        style={{ outlineOffset: -2 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Access</Table.Th>
            <Table.Th>Recommendation and why</Table.Th>
            <Table.Th>Risk</Table.Th>
            <Table.Th>Decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, i) => (
            <Table.Tr
              key={item.id}
              ref={(el) => {
                rows.current[i] = el;
              }}
              onClick={() => setCursor(i)}
              bg={i === cursor ? 'var(--mantine-color-blue-light)' : undefined}
              data-testid="review-item"
              data-cursor={i === cursor}
            >
              <ItemCells item={item} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ItemCells({ item }: { item: ReviewItem }) {
  return (
    <>
      <Table.Td>
        <Text size="sm" fw={500}>
          {item.personName}
        </Text>
        <Text size="xs" c="dimmed">
          {[item.title, item.department, item.isExternal ? 'external' : 'internal'].filter(Boolean).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.target}</Text>
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {REVIEW_ITEM_KIND_LABELS[item.kind]}
          </Text>
          {item.privileged && (
            <Badge size="xs" color="grape" variant="light">
              Privileged
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td maw={520}>
        <Badge
          size="sm"
          color={item.recommendation === 'keep' ? 'green' : 'red'}
          variant="light"
          data-testid="item-recommendation"
        >
          {item.recommendation === 'keep' ? 'Keep' : 'Revoke'} ({Math.round(item.confidence * 100)}%)
        </Badge>
        <List size="xs" spacing={0} mt={2}>
          {item.reasons.map((r) => (
            <List.Item key={r.code} c={EFFECT_COLOR[r.effect]} fw={r.decisive ? 600 : undefined}>
              {r.text}
            </List.Item>
          ))}
        </List>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" color={RISK_COLOR[item.riskBand]} variant="outline">
          {item.riskBand}
          {item.riskScore !== null ? ` ${item.riskScore}` : ''}
        </Badge>
      </Table.Td>
      <Table.Td>
        {item.decision ? (
          <>
            <Badge color={item.decision === 'keep' ? 'green' : 'red'} data-testid="item-decision">
              {item.decision === 'keep' ? 'Keep' : 'Revoke'}
            </Badge>
            <Text size="xs" c="dimmed">
              {item.decidedBy} {item.decisionSource === 'bulk' ? '(bulk)' : ''}
            </Text>
          </>
        ) : (
          <Text size="xs" c="dimmed" data-testid="item-decision">
            Undecided
          </Text>
        )}
      </Table.Td>
    </>
  );
}
