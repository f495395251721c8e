import type { Role } from '../core/auth/auth.tables.ts';

/** Fictional colleagues; the addresses use the reserved .example domain so that no mail reaches anyone. */
export interface DemoPerson {
  name: string;
  email: string;
  organisation: string;
  role: Role;
  /** Network this person coordinates. */
  coordinates?: 'zuid-holland' | 'mrdh';
}

export const demoPeople: DemoPerson[] = [
  { name: 'Noor Bakker', email: 'noor.bakker@rotterdam.example', organisation: 'GM0599', role: 'admin' },
  {
    name: 'Sander de Vries',
    email: 'sander.devries@rotterdam.example',
    organisation: 'GM0599',
    role: 'editor',
  },
  {
    name: 'Fatima El Amrani',
    email: 'fatima.elamrani@rotterdam.example',
    organisation: 'GM0599',
    role: 'editor',
  },
  {
    name: 'Joost van Leeuwen',
    email: 'joost.vanleeuwen@rotterdam.example',
    organisation: 'GM0599',
    role: 'viewer',
  },
  { name: 'Eva Jansen', email: 'eva.jansen@denhaag.example', organisation: 'GM0518', role: 'admin' },
  { name: 'Mehmet Yilmaz', email: 'mehmet.yilmaz@denhaag.example', organisation: 'GM0518', role: 'editor' },
  { name: 'Lotte Visser', email: 'lotte.visser@delft.example', organisation: 'GM0503', role: 'admin' },
  { name: 'Bram Smit', email: 'bram.smit@delft.example', organisation: 'GM0503', role: 'editor' },
  { name: 'Iris Mulder', email: 'iris.mulder@leiden.example', organisation: 'GM0546', role: 'admin' },
  { name: 'Daan Bos', email: 'daan.bos@zoetermeer.example', organisation: 'GM0637', role: 'admin' },
  { name: 'Sanne Hendriks', email: 'sanne.hendriks@gouda.example', organisation: 'GM0513', role: 'admin' },
  { name: 'Ruben Dekker', email: 'ruben.dekker@westland.example', organisation: 'GM1783', role: 'admin' },
  {
    name: 'Anouk Vermeulen',
    email: 'anouk.vermeulen@pzh.example',
    organisation: 'PV28',
    role: 'admin',
    coordinates: 'zuid-holland',
  },
  {
    name: 'Thomas Brouwer',
    email: 'thomas.brouwer@pzh.example',
    organisation: 'PV28',
    role: 'editor',
    coordinates: 'zuid-holland',
  },
  {
    name: 'Yara Koster',
    email: 'yara.koster@mrdh.example',
    organisation: 'MRDH',
    role: 'admin',
    coordinates: 'mrdh',
  },
];
