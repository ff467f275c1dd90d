/**
 * The document beside the fields: each page as intake pictured it (or, without a picture, its
 * text drawn where it stands on the page), every field's source highlighted, the selected field's
 * box brought into view. Clicking text on the page offers to put it in a field (shift-click adds
 * the next words to it first).
 */
import { Alert, Box, Group, Loader, Menu, Paper, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { FieldSource, IntakeBox, IntakeTextItem, OnboardingPage, Proposal } from '../../../src-preload/contract';
import { useApiQuery } from '../../api';
import { fieldLabel, fieldsShown } from './field-names';
import { highlightsOf, pageKey, unionBox, type Highlight } from './highlights';
import classes from './document-pane.module.css';

interface Props {
  proposal: Proposal;
  selectedField: string | null;
  onSelectField: (field: string) => void;
  /** Text taken from the page for a field, with where it stands. */
  onAssign: (field: string, value: string, source: FieldSource) => void;
  readOnly: boolean;
}

/** Words picked on one page (kept while the menu closes, so a shift-click can add the next). */
interface Picked {
  page: OnboardingPage;
  items: IntakeTextItem[];
  /** Where the menu opens; null once it was closed. */
  x: number;
  y: number;
  open: boolean;
}

export function DocumentPane({ proposal, selectedField, onSelectField, onAssign, readOnly }: Props) {
  const doc = useApiQuery('onboarding:document', { documentId: proposal.documentId }, { staleTime: Infinity });
  const { ref, width: fit } = useElementSize();
  const [zoom, setZoom] = useState('1');
  const width = fit * Number(zoom);
  const [picked, setPicked] = useState<Picked | null>(null);
  if (doc.isLoading) return <Loader size="sm" aria-label="Loading the document" />;
  if (!doc.data) return <Alert color="red">{doc.error?.message ?? 'The document could not be shown.'}</Alert>;
  const pages = doc.data.pages;
  const highlights = highlightsOf(proposal, pages);
  if (pages.length === 0)
    return (
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          {proposal.file} was read as fields only (no pages to show): the values and their confidence are on the right.
        </Text>
      </Paper>
    );
  const pick = (page: OnboardingPage, item: IntakeTextItem, e: React.MouseEvent, extend: boolean) => {
    if (readOnly) return;
    const items = extend && picked?.page === page ? [...picked.items.filter((i) => i !== item), item] : [item];
    setPicked({ page, items: items.sort((a, b) => a.start - b.start), x: e.clientX, y: e.clientY, open: true });
  };
  return (
    <Paper withBorder p={0} className={classes.pane}>
      <PaneBar pages={pages.length} readOnly={readOnly} zoom={zoom} onZoom={setZoom} />
      <ScrollArea h="calc(100vh - 290px)" type="auto" data-testid="document-pane">
        <Stack gap="sm" m="sm" ref={ref}>
          {pages.map((page) => (
            <PageView
              key={pageKey(page)}
              documentId={proposal.documentId}
              hasImage={doc.data.hasImages}
              page={page}
              width={width}
              highlights={highlights.filter((h) => h.page === page)}
              selectedField={selectedField}
              picked={picked?.page === page ? picked.items : []}
              onSelectField={onSelectField}
              onPick={(item, e) => pick(page, item, e, e.shiftKey)}
            />
          ))}
        </Stack>
      </ScrollArea>
      {picked?.open && (
        <AssignMenu
          picked={picked}
          fields={fieldsShown(Object.keys(proposal.fields))}
          selectedField={selectedField}
          onClose={() => setPicked((p) => (p ? { ...p, open: false } : p))}
          onAssign={(field) => {
            // Quotes and stray punctuation around the words (a scan's speckle read as a mark) are left out.
            const text = picked.items
              .map((i) => i.str.trim())
              .join(' ')
              .replace(/^[\s"'“”‘’«»,;:.|]+|[\s"'“”‘’«»,;:|]+$/g, '');
            const box = unionBox(picked.items.flatMap((i) => (i.box ? [i.box] : [])));
            onAssign(field, text, {
              page: picked.page.number,
              start: Math.min(...picked.items.map((i) => i.start)),
              end: Math.max(...picked.items.map((i) => i.end)),
              ...(box ? { box } : {}),
              ...(picked.page.attachment ? { attachment: picked.page.attachment } : {}),
            });
            setPicked(null);
          }}
        />
      )}
    </Paper>
  );
}

interface PageProps {
  documentId: string;
  hasImage: boolean;
  page: OnboardingPage;
  width: number;
  highlights: Highlight[];
  selectedField: string | null;
  picked: IntakeTextItem[];
  onSelectField: (field: string) => void;
  onPick: (item: IntakeTextItem, e: React.MouseEvent) => void;
}

function PageView({
  documentId,
  hasImage,
  page,
  width,
  highlights,
  selectedField,
  picked,
  onSelectField,
  onPick,
}: PageProps) {
  const image = useApiQuery(
    'onboarding:page',
    { documentId, page: page.number, ...(page.attachment ? { attachment: page.attachment } : {}) },
    { enabled: hasImage, staleTime: Infinity },
  );
  const scale = width > 0 ? width / page.width : 0;
  const selected = useRef<HTMLDivElement>(null);
  const isSelectedHere = highlights.some((h) => h.field === selectedField);
  useEffect(() => {
    if (isSelectedHere) selected.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [isSelectedHere, selectedField, scale]);
  const png = image.data?.png;
  const at = (b: IntakeBox) => ({
    left: b.x * scale,
    top: b.y * scale,
    width: Math.max(2, b.w * scale),
    height: Math.max(2, b.h * scale),
  });
  return (
    <div>
      {page.attachment && (
        <Text size="xs" c="dimmed" mb={2}>
          Attachment {page.attachment}, page {page.number}
        </Text>
      )}
      <Box
        className={classes.page}
        style={{ width, height: page.height * scale }}
        data-testid="document-page"
        aria-label={`Page ${page.number}`}
      >
        {png ? (
          <img className={classes.image} src={`data:image/png;base64,${png}`} alt={`Page ${page.number}`} />
        ) : (
          hasImage && image.isLoading && <Loader size="xs" m="sm" aria-label="Loading the page" />
        )}
        <TextLayer items={page.items} drawn={!png} picked={picked} at={at} scale={scale} onPick={onPick} />
        {highlights.map((h) => (
          <div
            key={h.field}
            ref={h.field === selectedField ? selected : undefined}
            className={`${classes.highlight} ${h.field === selectedField ? classes.selected : ''}`}
            style={at(h.box)}
            onClick={() => onSelectField(h.field)}
            data-testid="field-highlight"
            data-field={h.field}
            title={fieldLabel(h.field)}
          >
            {h.field === selectedField && <span className={classes.tag}>{fieldLabel(h.field)}</span>}
          </div>
        ))}
      </Box>
    </div>
  );
}

/** Every run of text as a button where it stands: invisible over a picture, drawn where there is none. */
function TextLayer(props: {
  items: IntakeTextItem[];
  drawn: boolean;
  picked: IntakeTextItem[];
  at: (b: IntakeBox) => React.CSSProperties;
  scale: number;
  onPick: (item: IntakeTextItem, e: React.MouseEvent) => void;
}) {
  const { items, drawn, picked, at, scale, onPick } = props;
  return (
    <>
      {items.map((item, i) =>
        item.box && item.str.trim() ? (
          <button
            type="button"
            key={i}
            className={`${classes.item} ${drawn ? classes.drawn : ''} ${picked.includes(item) ? classes.picked : ''}`}
            style={{ ...at(item.box), fontSize: Math.max(6, item.box.h * scale * 0.8) }}
            onClick={(e) => onPick(item, e)}
            title="Put this text in a field"
            aria-label={item.str}
            data-testid="page-text"
          >
            {drawn ? item.str : ''}
          </button>
        ) : null,
      )}
    </>
  );
}

function AssignMenu({
  picked,
  fields,
  selectedField,
  onClose,
  onAssign,
}: {
  picked: Picked;
  fields: string[];
  selectedField: string | null;
  onClose: () => void;
  onAssign: (field: string) => void;
}) {
  const text = picked.items.map((i) => i.str.trim()).join(' ');
  const first = selectedField ? [selectedField, ...fields.filter((f) => f !== selectedField)] : fields;
  return (
    <Menu opened onChange={(o) => !o && onClose()} position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <div style={{ position: 'fixed', left: picked.x, top: picked.y, width: 1, height: 1 }} />
      </Menu.Target>
      <Menu.Dropdown data-testid="assign-menu" mah={360} style={{ overflowY: 'auto' }}>
        <Menu.Label>
          “{text.length > 60 ? `${text.slice(0, 60)}…` : text}” as… (shift-click adds the next words)
        </Menu.Label>
        {first.map((f) => (
          <Menu.Item key={f} onClick={() => onAssign(f)} data-testid={`assign-${f}`}>
            {fieldLabel(f)}
            {f === selectedField ? ' (selected)' : ''}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function PaneBar({
  pages,
  readOnly,
  zoom,
  onZoom,
}: {
  pages: number;
  readOnly: boolean;
  zoom: string;
  onZoom: (z: string) => void;
}) {
  return (
    <Group justify="space-between" px="sm" py={4} className={classes.bar}>
      <Text size="xs" c="dimmed">
        {pages === 1 ? '1 page' : `${pages} pages`} · {readOnly ? 'read only' : 'click text to put it in a field'}
      </Text>
      <SegmentedControl
        size="xs"
        value={zoom}
        onChange={onZoom}
        data={[
          { value: '1', label: 'Fit' },
          { value: '1.5', label: '150%' },
          { value: '2', label: '200%' },
        ]}
        aria-label="Zoom"
      />
    </Group>
  );
}
