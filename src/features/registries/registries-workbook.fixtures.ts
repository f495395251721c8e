import ExcelJS from 'exceljs';

const categories = ['sensors-iot', 'data-platform', 'connectivity', 'case-management', 'office-cloud'];

/** The 12 columns of a contracts import that an official fills in most. */
export const contractColumns = [
  'name',
  'supplier',
  'subject_category',
  'start_date',
  'end_date',
  'notice_months',
  'value_eur',
  'data_owner',
  'reuse_right',
  'exit_clause',
  'open_standards',
  'hosting',
];

/** One valid contract row per number, in the order of `contractColumns`. */
export function contractCells(i: number): string[] {
  const year = 2026 + (i % 6);
  const month = String((i % 12) + 1).padStart(2, '0');
  return [
    `Contract ${i + 1}`,
    `Leverancier ${i % 40}`,
    categories[i % categories.length] ?? 'sensors-iot',
    `${year - 4}-${month}-01`,
    `${year}-${month}-28`,
    String(i % 13),
    String(10000 + i * 250),
    i % 3 === 0 ? 'supplier' : 'municipality',
    i % 2 === 0 ? 'ja' : 'nee',
    i % 4 === 0 ? 'nee' : 'ja',
    'ja',
    i % 7 === 0 ? 'outside-eu' : 'nl',
  ];
}

/** An honest contracts workbook: the header and `rows` valid contracts, 12 columns each. */
export async function contractsWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Contracten');
  sheet.addRow(contractColumns);
  for (let i = 0; i < rows; i++) sheet.addRow(contractCells(i));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
