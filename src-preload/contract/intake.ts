/**
 * Intake: a dropped document (PDF, scan, image, DOCX, e-mail, text, CSV/XLSX list) read offline
 * into the fields of a new user, each with its confidence and where it came from; and the
 * administrator's own label -> custom field (`cf_...`) mappings.
 */
import { z } from 'zod';
import { channel, noInput } from './wire';

/** A run of text on a page. start/end: its character range in the page text; box in page units. */
export interface IntakeTextItem {
  str: string;
  start: number;
  end: number;
  box?: IntakeBox;
}
/** A rectangle in page units (PDF points or image pixels), origin top left. */
export interface IntakeBox {
  x: number;
  y: number;
  w: number;
  h: number;
}
/**
 * How a page's picture is made for `intake:page`: a PDF page rendered, a scanned page or image as
 * OCR saw it (straightened), or the text of a document without pages (DOCX, e-mail, text, list)
 * laid out on a page of its own. Items' boxes are in the same units either way.
 */
export type IntakePageView = 'pdf' | 'scan' | 'text';
export interface IntakePage {
  number: number;
  /** Page size in box units: PDF points for PDFs (scanned pages too), pixels for images. */
  width: number;
  height: number;
  text: string;
  items: IntakeTextItem[];
  view?: IntakePageView;
  /** OCR: the mean word confidence (0-1), the straightening applied (degrees), the contrast stretch. */
  ocr?: { confidence: number; rotated?: number; contrast?: boolean; words: number };
}
/** Where a field's value came from: a page (1-based) and the character range in its text. */
export interface IntakeSource {
  page: number;
  start: number;
  end: number;
  box?: IntakeBox;
  /** The attachment's file name when the value came from one (an e-mail's form). */
  attachment?: string;
}
export interface IntakeField {
  value: string | string[];
  confidence: number;
  source: IntakeSource | null;
}
export const INTAKE_FIELD_NAMES = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'organization',
  'department',
  'program',
  'startDate',
  'employeeNumber',
  'managerName',
  'requestedRoles',
] as const;
export type IntakeStandardField = (typeof INTAKE_FIELD_NAMES)[number];
export type IntakeFieldName = IntakeStandardField | `cf_${string}`;
/** One proposal; a CSV/XLSX list gives several. */
export interface IntakeRecord {
  fields: Partial<Record<IntakeFieldName, IntakeField>>;
}
export type IntakeFormat = 'pdf' | 'pdf-scan' | 'image' | 'docx' | 'eml' | 'msg' | 'text' | 'csv' | 'xlsx';
export interface IntakeResult {
  /** The stored document (its bytes, content-addressed, and this result): `intake:page`, `intake:document`. */
  documentId: string;
  file: string;
  format: IntakeFormat;
  pages: IntakePage[];
  records: IntakeRecord[];
  /** = records[0].fields (empty when nothing was found). */
  fields: IntakeRecord['fields'];
  /** An e-mail's attachments, each read in turn (each a stored document of its own). */
  attachments?: IntakeResult[];
  warnings: string[];
}

/** One page as a picture: PNG (base64) of pixelWidth x pixelHeight showing width x height box units. */
export interface IntakePageImage {
  documentId: string;
  page: number;
  width: number;
  height: number;
  pixelWidth: number;
  pixelHeight: number;
  png: string;
}

/** The administrator's own label -> custom field mapping ("Cost centre" -> cf_costCentre). */
export const intakeMappingSchema = z
  .object({
    label: z.string().trim().min(1, 'must not be empty').max(120),
    field: z
      .string()
      .trim()
      .regex(/^cf_[A-Za-z0-9_]{1,60}$/, 'a custom field name starts with cf_ (letters, digits, _)'),
  })
  .strict();
export type IntakeMapping = z.infer<typeof intakeMappingSchema>;

/** The largest document intake reads (bytes, before decoding). */
export const INTAKE_MAX_FILE_BYTES = 25 * 1024 * 1024;

export const intakeReadSchema = z
  .object({
    name: z.string().trim().min(1).max(260),
    /** The file's bytes, base64. */
    base64: z.string().max(Math.ceil((INTAKE_MAX_FILE_BYTES * 4) / 3) + 8),
  })
  .strict();

const documentId = z.string().regex(/^doc_[0-9a-f]{24}$/, 'a document id is doc_ and 24 hex digits');

export const intakeChannels = {
  /**
   * Read one dropped document into fields and keep it (its bytes and what was read) under a
   * documentId. A document that cannot be read is refused and nothing is kept.
   */
  'intake:read': channel<IntakeResult>()({
    input: intakeReadSchema,
    writes: ['intake'],
    maxInputBytes: Math.ceil((INTAKE_MAX_FILE_BYTES * 4) / 3) + 4096,
  }),
  /** A stored document's read result. */
  'intake:document': channel<IntakeResult>()({
    input: z.object({ documentId }).strict(),
    reads: ['intake'],
  }),
  /** One page of a stored document as a PNG, with its size in the units of the item and source boxes. */
  'intake:page': channel<IntakePageImage>()({
    input: z.object({ documentId, page: z.number().int().min(1).max(500) }).strict(),
    reads: ['intake'],
  }),
  /** The custom field mappings. */
  'intake:mappings': channel<IntakeMapping[]>()({ input: noInput, reads: ['settings'] }),
  /** Replace the custom field mappings; returns them. */
  'intake:setMappings': channel<IntakeMapping[]>()({
    input: z.object({ mappings: z.array(intakeMappingSchema).max(500) }).strict(),
    writes: ['settings'],
  }),
} as const;
