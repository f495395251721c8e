import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one typeface shipped as TTF (Noto Sans, SIL OFL 1.1; see assets/fonts/OFL.txt), for what is
 * drawn outside the browser: PNG through resvg (which has no built-in font) and PDF through pdfkit.
 */
const fontsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

export const documentFont = {
  family: 'Noto Sans',
  regular: path.join(fontsDir, 'NotoSans-Regular.ttf'),
  bold: path.join(fontsDir, 'NotoSans-Bold.ttf'),
} as const;
