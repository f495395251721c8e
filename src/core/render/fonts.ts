import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one typeface shipped as TTF (Noto Sans, SIL OFL 1.1; see assets/fonts/OFL.txt), for what is
 * drawn outside the browser: PNG through resvg (which has no built-in font) and PDF through pdfkit.
 * These are its Latin subsets (assets/fonts/README.md says how they were made): resvg and pdfkit
 * parse the font's tables for every text they shape, and the full font made that four times slower.
 */
const fontsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

export const documentFont = {
  family: 'Noto Sans',
  regular: path.join(fontsDir, 'NotoSans-Latin-Regular.ttf'),
  bold: path.join(fontsDir, 'NotoSans-Latin-Bold.ttf'),
} as const;
