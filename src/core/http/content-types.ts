/**
 * The media types the application sends or accepts, written once: a typo in one of these long
 * strings makes a browser save a download under the wrong type, and nothing else would notice.
 */
export const mediaTypes = {
  html: 'text/html',
  csv: 'text/csv',
  calendar: 'text/calendar',
  turtle: 'text/turtle',
  json: 'application/json',
  jsonLd: 'application/ld+json',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;

const utf8 = <T extends string>(type: T) => `${type}; charset=utf-8` as const;

/** Content-Type headers for responses: text types say their charset, binary ones do not. */
export const contentTypes = {
  html: utf8(mediaTypes.html),
  csv: utf8(mediaTypes.csv),
  calendar: utf8(mediaTypes.calendar),
  turtle: utf8(mediaTypes.turtle),
  json: utf8(mediaTypes.json),
  jsonLd: utf8(mediaTypes.jsonLd),
  svg: utf8(mediaTypes.svg),
  pdf: mediaTypes.pdf,
  xlsx: mediaTypes.xlsx,
  docx: mediaTypes.docx,
  odt: mediaTypes.odt,
  png: mediaTypes.png,
} as const;
