import type { FastifyInstance } from 'fastify';
import { extractCsrf, type TestClient } from '../../testing/test-app.ts';
import { organisationId } from '../../testing/factories.ts';
import type { TestApp } from '../../testing/test-app.ts';
import { submitCase } from './cases.service.ts';
import { signFormStamp, stampField } from './intake-spam.ts';

/** Test helpers: public-form posts from a chosen client address, and multipart bodies. */
export const validGuideForm = {
  name: 'Maartje de Graaf',
  email: 'maartje.degraaf@alphen.example',
  organisation: 'GM0484',
  organisationOther: '',
  role: 'Beleidsadviseur digitalisering',
  purpose: 'Onze eigen strategie',
  consent: 'yes',
  website: '',
};

export const validBrigadeForm = {
  municipality: 'GM0503',
  contactName: 'Lotte Visser',
  contactEmail: 'lotte.visser@delft.example',
  contactPhone: '',
  category: 'fibre',
  description: 'Bedrijventerrein zonder glasvezel.',
  urgency: 'normal',
  contactPreference: 'email',
  consent: 'yes',
  website: '',
};

/** A time stamp as if the form had been shown `secondsAgo` seconds ago. */
export function stampFrom(app: FastifyInstance, secondsAgo = 30): Record<string, string> {
  return { [stampField]: signFormStamp(app.services.secret, Date.now() - secondsAgo * 1000) };
}

let nextAddress = 1;
/** A fresh client address per call, so that tests do not share a rate-limit counter by accident. */
export function freshAddress(): string {
  nextAddress++;
  return `198.51.100.${nextAddress % 250}`;
}

export async function postFrom(
  client: TestClient,
  app: FastifyInstance,
  url: string,
  form: Record<string, string>,
  remoteAddress: string,
  csrfFrom = url,
) {
  const token = extractCsrf((await client.get(csrfFrom)).body);
  return app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, ...form }).toString(),
  });
}

export function multipart(
  fields: Record<string, string>,
  file?: { name: string; filename: string; type: string; data: Buffer },
) {
  const boundary = `----routekaart${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The smallest well-formed PDF file-type recognises. */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** The first bytes of a Linux executable. */
export const elfBytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);

/** The body of a question asked through the API. */
export const askBody = (extra: Record<string, unknown> = {}) => ({
  contactName: 'Noor Bakker',
  contactEmail: 'Noor.Bakker@rotterdam.example',
  category: 'fibre',
  description: 'Een bedrijventerrein zonder glasvezel.',
  urgency: 'normal',
  contactPreference: 'email',
  ...extra,
});

/** Stores a question as the public form would, for the organisation with `code`. */
export async function storeQuestion(t: TestApp, code: string, contactEmail: string) {
  const settings = { locale: 'nl' as const, publicUrl: 'http://localhost', operatorName: 'Routekaart' };
  const input = {
    organisationId: await organisationId(t.db, code),
    contactName: 'Lotte Visser',
    contactEmail,
    contactPhone: '010 123 45 67',
    category: 'antenna' as const,
    description: 'Waar mag een antenne staan?',
    urgency: 'low' as const,
    contactPreference: 'phone' as const,
    submittedByUserId: null,
  };
  return submitCase(t.db, input, settings);
}
