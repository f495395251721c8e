import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { mediaTypes } from './content-types.ts';

/** A file from a multipart form, held in memory (uploads are small: at most {@link maxUploadBytes}). */
export interface UploadedFile {
  filename: string;
  /** What the browser claimed; never trusted for the file's type (see {@link detectFileKind}). */
  declaredType: string;
  data: Buffer;
  /** True when the file was larger than the limit and was cut off: refuse it with a message. */
  isTooLarge: boolean;
}

export const maxUploadBytes = 10 * 1024 * 1024;

/**
 * Multipart forms arrive as a plain object like url-encoded ones: text fields as strings (so
 * `formValue` and the CSRF check work unchanged), file fields as {@link UploadedFile}. An oversized
 * file is marked, not thrown, so that the form can be shown again with a message and the typed text.
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxUploadBytes, files: 10, fields: 200, fieldSize: 1024 * 1024 },
    async onFile(part: MultipartFile) {
      const data = await part.toBuffer();
      const file: UploadedFile = {
        filename: part.filename,
        declaredType: part.mimetype,
        data,
        isTooLarge: part.file.truncated,
      };
      (part as MultipartFile & { value: unknown }).value = file;
    },
  });
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}

/** The file sent in a form field; undefined when none was chosen (browsers send an empty part). */
export function formFile(body: unknown, name: string): UploadedFile | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  const file = Array.isArray(value) ? value.find(isUploadedFile) : value;
  if (!isUploadedFile(file) || (file.filename === '' && file.data.length === 0)) return undefined;
  return file;
}

/** All files sent in a (multiple) file field, without the empty part of an unused input. */
export function formFiles(body: unknown, name: string): UploadedFile[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : [value];
  return list.filter(isUploadedFile).filter((file) => file.filename !== '' || file.data.length > 0);
}

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp';
const kindsByMime: Record<string, FileKind> = {
  [mediaTypes.pdf]: 'pdf',
  [mediaTypes.png]: 'png',
  [mediaTypes.jpeg]: 'jpeg',
  [mediaTypes.gif]: 'gif',
  [mediaTypes.webp]: 'webp',
};

/** The file's real type from its first bytes (its name and declared type are ignored). */
export async function detectFileKind(data: Buffer): Promise<{ kind: FileKind; mime: string } | undefined> {
  const detected = await fileTypeFromBuffer(data);
  const kind = detected ? kindsByMime[detected.mime] : undefined;
  return kind && detected ? { kind, mime: detected.mime } : undefined;
}
