import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
/** Files kept in memory per request; a form that takes files says its own, lower limit. */
export const maxFilesKept = 10;
/**
 * Hard limits of the parser. Beyond {@link maxFilesKept} files (up to {@link maxFilesPerRequest}) a
 * file is counted but its content dropped, so that the form can say "at most 10" and keep the typed
 * text; beyond these hard limits the request is refused with 413.
 */
export const maxFilesPerRequest = 50;
export const maxFieldsPerRequest = 1000;

/**
 * Multipart forms arrive as a plain object like url-encoded ones: text fields as strings (so
 * `formValue` and the CSRF check work unchanged), file fields as {@link UploadedFile}. An oversized
 * file is marked, not thrown, so that the form can be shown again with a message and the typed text.
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: {
      fileSize: maxUploadBytes,
      files: maxFilesPerRequest,
      fields: maxFieldsPerRequest,
      parts: maxFilesPerRequest + maxFieldsPerRequest,
      fieldSize: 1024 * 1024,
    },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      const seen = filesSeen.get(this) ?? 0;
      filesSeen.set(this, seen + 1);
      let data: Buffer = Buffer.alloc(0);
      if (seen < maxFilesKept) data = await part.toBuffer();
      else part.file.resume();
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

const filesSeen = new WeakMap<FastifyRequest, number>();

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
