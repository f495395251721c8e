import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Crafted workbooks of issue #14, made here rather than kept as binary files so that what each one
 * is stays readable: one cell far away, a zip bomb (declared honestly, and lying about its size),
 * and an honest 5,000 × 12 sheet.
 */
interface Part {
  name: string;
  data: Buffer;
  /** The unpacked size written into the zip's headers; the real size when not given. */
  declaredSize?: number;
}

/** A zip of the parts, deflated; each header declares `declaredSize` when given (a lying bomb). */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.data);
    const declared = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(part.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts around a first sheet, as Excel writes them (the content types first, as Excel does). */
function workbookParts(sheetData: string | Buffer): Part[] {
  const sheet =
    typeof sheetData === 'string' ? xml(`<worksheet xmlns="${main}">${sheetData}</worksheet>`) : sheetData;
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
}

/** A workbook whose first sheet has one text cell, at `reference` (GR200, XFD1048576), and a header. */
export function oneFarCell(reference: string, options: { dimension?: string; formattedOnly?: boolean } = {}) {
  const row = /\d+$/.exec(reference)?.[0] ?? '1';
  const cell = options.formattedOnly
    ? `<c r="${reference}" s="1"/>`
    : `<c r="${reference}" t="inlineStr"><is><t>x</t></is></c>`;
  const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : '';
  return zipOf(
    workbookParts(
      `${dimension}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row><row r="${row}">${cell}</row></sheetData>`,
    ),
  );
}

/** A zip bomb: a sheet that unpacks to `megabytes` MB of spaces; `isLying` declares it 1 KB. */
export function zipBomb(megabytes: number, isLying: boolean): Buffer {
  const head = `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData>`;
  const bytes = Buffer.alloc(megabytes * 1024 * 1024, ' ');
  bytes.write(head, 0);
  const parts = workbookParts(bytes);
  const sheet = parts.at(-1);
  if (sheet && isLying) sheet.declaredSize = 1024;
  return zipOf(parts);
}

/** An honest workbook as ExcelJS (like Excel) writes it: a header and `rows` rows of `columns` cells. */
export async function honestWorkbook(rows: number, columns: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Blad1');
  sheet.addRow(Array.from({ length: columns }, (_, c) => `kolom ${c + 1}`));
  for (let r = 1; r <= rows; r++)
    sheet.addRow(
      Array.from({ length: columns }, (_, c) => (c % 3 === 2 ? r * 10 + c : `rij ${r} kolom ${c + 1}`)),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
